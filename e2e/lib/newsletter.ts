import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, type Page, type TestInfo } from "@playwright/test";
import { E2E_DATA_DIR } from "../../playwright.config";

/** A fresh address per test and browser profile, so runs never collide. */
export function uniqueEmail(info: TestInfo, tag: string): string {
  return `${tag}-${info.project.name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

/** The messages in the server's outbox for an address, decoded from quoted-printable. */
export function mailsTo(email: string): string[] {
  const outbox = path.join(E2E_DATA_DIR, "outbox");
  let files: string[] = [];
  try {
    files = readdirSync(outbox).sort();
  } catch {
    return [];
  }
  return files
    .map((f) =>
      readFileSync(path.join(outbox, f), "utf8")
        .replace(/=\n/g, "")
        .replace(/=3D/g, "=")
        .replace(/\n[ \t]+/g, " "),
    )
    .filter((m) => new RegExp(`^To: ${email.replace(/[.+]/g, "\\$&")}$`, "m").test(m));
}

async function linkFromMail(email: string, kind: "confirm" | "unsubscribe" | "one-click"): Promise<string> {
  let mails: string[] = [];
  await expect.poll(() => (mails = mailsTo(email)).length, { timeout: 5000 }).toBeGreaterThan(0);
  const match = new RegExp(`https?://[^\\s<>]+/newsletter/${kind}\\?token=[\\w.-]+`).exec(mails.at(-1) ?? "");
  if (!match) throw new Error(`no ${kind} link in the mail to ${email}`);
  return new URL(match[0]).pathname + new URL(match[0]).search;
}

/** The subscription's status as stored, read straight from the server's SQLite file. */
export function storedStatus(email: string): string | undefined {
  const db = new Database(path.join(E2E_DATA_DIR, "dispatch.sqlite"), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    const row: unknown = db.prepare("select status from subscriptions where email = ?").get(email);
    return row && typeof row === "object" && "status" in row && typeof row.status === "string"
      ? row.status
      : undefined;
  } finally {
    db.close();
  }
}

export async function fillSignup(page: Page, email: string, lists: string[] = ["Morning Brief"]) {
  await page.getByLabel("Email address").fill(email);
  for (const name of ["Morning Brief", "Evening Brief", "Breaking News"]) {
    await page.getByRole("checkbox", { name: new RegExp(name) }).setChecked(lists.includes(name));
  }
}

/** The whole journey a reader makes: sign up, confirm from the email, unsubscribe from it. */
export async function signUpConfirmAndLeave(page: Page, email: string) {
  await page.goto("/newsletter");
  await fillSignup(page, email, ["Morning Brief", "Breaking News"]);
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("status")).toContainText(`we’ve sent an email to ${email}`);
  expect(storedStatus(email)).toBe("pending");

  await page.goto(await linkFromMail(email, "confirm"));
  await page.getByRole("button", { name: "Confirm my subscription" }).click();
  await expect(page.getByText("You’re subscribed.")).toBeVisible();
  expect(storedStatus(email)).toBe("confirmed");

  await page.goto(await linkFromMail(email, "unsubscribe"));
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByText("You’re unsubscribed.")).toBeVisible();
  expect(storedStatus(email)).toBe("unsubscribed");
}
