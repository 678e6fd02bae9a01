import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createServer, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase, type Db } from "@/lib/db/database";
import { SMTP_TIMEOUTS, createMailer } from "./mailer";
import { startSmtpSink, type SmtpSink } from "@/test/smtp-sink";
import { MESSAGES, subscribe, type Deps } from "./service";
import { SubscriptionStore } from "./store";

let smtp: SmtpSink;
let db: Db;
let deps: Deps;
let clock = new Date("2026-11-28T10:00:00Z");

beforeAll(async () => {
  // A real SMTP server on loopback; "someone@refuse.example" is refused.
  smtp = await startSmtpSink({ keepMessages: true });
  smtp.refuse.set("someone@refuse.example", { code: 550 });
  db = await openDatabase({
    sqliteFile: path.join(mkdtempSync(path.join(os.tmpdir(), "dispatch-svc-")), "t.sqlite"),
  });
  const store = new SubscriptionStore(db);
  deps = {
    store: async () => store,
    mailer: createMailer({
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      outboxDir: "/nonexistent",
      from: "Dispatch <n@localhost>",
    }),
    now: () => clock,
  };
});

afterAll(async () => {
  await db.destroy();
  await smtp.close();
});

const input = (email: string, extra: Partial<{ lists: string[]; honeypot: string }> = {}) => ({
  email,
  lists: ["morning-brief"],
  honeypot: "",
  ...extra,
});

async function rows() {
  return db.selectFrom("subscriptions").selectAll().execute();
}

describe("subscribe over real SMTP", () => {
  it("stores a pending signup and sends a confirmation with one-click unsubscribe headers", async () => {
    const state = await subscribe(input("  Reader@Example.com "), "203.0.113.1", deps);
    expect(state).toMatchObject({ status: "success", message: MESSAGES.checkInbox("reader@example.com") });
    const mail = smtp.received.at(-1);
    expect(mail?.to).toEqual(["reader@example.com"]);
    expect(mail?.data).toMatch(
      /^List-Unsubscribe: <http:\/\/localhost:3000\/newsletter\/one-click\?token=\d+\.[\w-]+>/m,
    );
    expect(mail?.data).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    expect(mail?.data).toMatch(/\/newsletter\/confirm\?token=[\w-]{43}/);
    expect((await rows()).map((r) => [r.email, r.status])).toEqual([["reader@example.com", "pending"]]);
  });

  it("answers a repeat signup the same way without sending again", async () => {
    const before = smtp.received.length;
    const state = await subscribe(input("reader@example.com"), "203.0.113.1", deps);
    expect(state.status).toBe("success");
    expect(smtp.received.length).toBe(before);
    expect(await rows()).toHaveLength(1);
  });

  it("keeps the signup and says so truthfully when the mail server refuses", async () => {
    const state = await subscribe(input("someone@refuse.example"), "203.0.113.2", deps);
    expect(state).toMatchObject({
      status: "error",
      message: MESSAGES.mailFailed,
      values: { email: "someone@refuse.example" },
    });
    const row = (await rows()).find((r) => r.email === "someone@refuse.example");
    expect(row).toMatchObject({ status: "pending", last_sent_at: null });
  });

  it("refuses a filled honeypot, a bad address and no list, storing nothing", async () => {
    const before = (await rows()).length;
    expect(
      await subscribe(input("bot@example.com", { honeypot: "http://spam" }), "203.0.113.3", deps),
    ).toMatchObject({
      status: "error",
      message: MESSAGES.honeypot,
    });
    expect(await subscribe(input("not-an-address"), "203.0.113.3", deps)).toMatchObject({
      status: "error",
      errors: { email: "Enter an email address like name@example.com." },
      values: { email: "not-an-address" },
    });
    expect(await subscribe(input("x@example.com", { lists: [] }), "203.0.113.3", deps)).toMatchObject({
      errors: { lists: "Choose at least one newsletter." },
    });
    expect(await rows()).toHaveLength(before);
  });

  it("limits attempts per address and per connection", async () => {
    clock = new Date("2026-11-28T12:00:00Z");
    const results = [];
    for (let i = 0; i < 6; i++)
      results.push((await subscribe(input("limit@example.com"), `198.51.100.${i}`, deps)).message);
    expect(results.at(-1)).toBe(MESSAGES.tooManyForAddress);
    const ip = [];
    for (let i = 0; i < 11; i++)
      ip.push((await subscribe(input(`ip${i}@example.com`), "192.0.2.9", deps)).message);
    expect(ip.at(-1)).toBe(MESSAGES.tooManyFromIp);
    expect((await rows()).some((r) => r.email === "ip10@example.com")).toBe(false);
  });

  it("says signups are unavailable when the database is, and logs no address", async () => {
    const broken: Deps = { ...deps, store: async () => Promise.reject(new Error("SQLITE_CANTOPEN")) };
    const logged = watchConsole();
    try {
      expect(await subscribe(input("down@example.com"), "203.0.113.4", broken)).toMatchObject({
        status: "error",
        message: MESSAGES.unavailable,
        values: { email: "down@example.com" },
      });
    } finally {
      logged.restore();
    }
    // Something was logged (the failure), and none of it names the reader.
    expect(logged.lines.join("\n")).toContain("SQLITE_CANTOPEN");
    expect(logged.lines.join("\n")).not.toMatch(/down@example\.com|203\.0\.113\.4/);
  });
});

describe("the site-wide email cap", () => {
  it("caps confirmation emails site-wide per minute, whatever the addresses and connections", async () => {
    clock = new Date(clock.getTime() + 24 * 60 * 60 * 1000);
    const capped: Deps = { ...deps, emailsPerMinute: 3 };
    const before = smtp.received.length;
    for (let i = 0; i < 3; i += 1) {
      expect((await subscribe(input(`cap${i}@example.com`), `198.51.100.${i}`, capped)).status).toBe(
        "success",
      );
    }
    expect(await subscribe(input("cap9@example.com"), "198.51.100.9", capped)).toMatchObject({
      status: "error",
      message: MESSAGES.busy,
    });
    expect(smtp.received.length - before).toBe(3);
    clock = new Date(clock.getTime() + 61_000);
    expect((await subscribe(input("cap9@example.com"), "198.51.100.9", capped)).status).toBe("success");
  });
});

/** Every line written through console while it is installed. */
function watchConsole() {
  const lines: string[] = [];
  const spies = (["log", "info", "warn", "error"] as const).map((level) =>
    vi
      .spyOn(console, level)
      .mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" "))),
  );
  return { lines, restore: () => spies.forEach((s) => s.mockRestore()) };
}

describe("the outbox mailer (no SMTP_URL)", () => {
  it("never logs a link (a token) unless asked to", async () => {
    const mail = {
      to: "a@example.com",
      subject: "Hi",
      text: "See http://localhost:3000/newsletter/confirm?token=secret-token-123",
      html: "<p>Hi</p>",
      headers: {},
    };
    const outboxDir = mkdtempSync(path.join(os.tmpdir(), "dispatch-outbox-"));
    const logged = watchConsole();
    try {
      await createMailer({ outboxDir, from: "Dispatch <n@localhost>" }).send(mail);
      expect(logged.lines.join("\n")).toContain("wrote");
      expect(logged.lines.join("\n")).not.toContain("secret-token-123");
      await createMailer({ outboxDir, from: "Dispatch <n@localhost>", logLinks: true }).send(mail);
      expect(logged.lines.at(-1)).toContain("token=secret-token-123");
    } finally {
      logged.restore();
    }
  });

  it("writes each message as an .eml file", async () => {
    const outbox = mkdtempSync(path.join(os.tmpdir(), "dispatch-outbox-"));
    const mailer = createMailer({ outboxDir: outbox, from: "Dispatch <n@localhost>" });
    await mailer.send({
      to: "a@example.com",
      subject: "Hi",
      text: "See http://localhost:3000/newsletter/confirm?token=abc",
      html: "<p>Hi</p>",
      headers: {},
    });
    const files = readdirSync(outbox);
    expect(files).toHaveLength(1);
    expect(readFileSync(path.join(outbox, files[0] ?? ""), "utf8")).toMatch(/^Subject: Hi$/m);
  });
});

describe("the SMTP mailer against a server that hangs", () => {
  it("gives up after its timeout instead of holding the signup open for minutes", async () => {
    // Accepts the connection and never says a word (no SMTP greeting).
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const address = silent.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const mailer = createMailer({
        smtpUrl: `smtp://127.0.0.1:${port}`,
        outboxDir: "/nonexistent",
        from: "Dispatch <n@localhost>",
        timeouts: { greetingTimeout: 300, connectionTimeout: 300, socketTimeout: 300 },
      });
      const send = mailer.send({
        to: "a@example.com",
        subject: "Hi",
        text: "t",
        html: "<p>t</p>",
        headers: {},
      });
      await expect(send).rejects.toThrow(/Greeting never received|timeout/i);
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
    }
    expect(SMTP_TIMEOUTS.greetingTimeout).toBeLessThanOrEqual(20_000);
    expect(SMTP_TIMEOUTS.socketTimeout).toBeLessThanOrEqual(20_000);
  }, 10_000);
});
