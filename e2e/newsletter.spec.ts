import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./lib/axe";
import { fillSignup, mailsTo, signUpConfirmAndLeave, storedStatus, uniqueEmail } from "./lib/newsletter";
import { SEED_PATH } from "./lib/seed";

test.describe("newsletter signup", () => {
  test("subscribe, confirm from the email, unsubscribe: JavaScript on", async ({ page }, info) => {
    await signUpConfirmAndLeave(page, uniqueEmail(info, "js"));
  });

  test.describe("with JavaScript off", () => {
    test.use({ javaScriptEnabled: false });
    test("the same journey works as plain form posts", async ({ page }, info) => {
      await signUpConfirmAndLeave(page, uniqueEmail(info, "nojs"));
    });

    test("a bad address is refused next to its field and kept", async ({ page }) => {
      await page.goto("/newsletter");
      await fillSignup(page, "not-an-address");
      await page.getByRole("button", { name: "Subscribe" }).click();
      await expect(page.getByText("Enter an email address like name@example.com.")).toBeVisible();
      await expect(page.getByLabel("Email address")).toHaveValue("not-an-address");
    });
  });

  test("bad inputs each get their own message and store nothing", async ({ page }, info) => {
    await page.goto("/newsletter");
    const email = page.getByLabel("Email address");

    await fillSignup(page, "reader@invalid");
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAccessibleDescription("Enter an email address like name@example.com.");
    await expect(email).toHaveValue("reader@invalid");

    const noList = uniqueEmail(info, "nolist");
    await fillSignup(page, noList, []);
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.getByRole("group", { name: "Newsletters" })).toHaveAccessibleDescription(
      "Choose at least one newsletter.",
    );
    await expect(email).toHaveValue(noList);
    expect(storedStatus(noList)).toBeUndefined();

    const bot = uniqueEmail(info, "bot");
    await fillSignup(page, bot);
    await page
      .locator("input[name=website]")
      .evaluate((el: HTMLInputElement) => (el.value = "https://spam.example"));
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.locator("#signup-status")).toHaveText(
      "We couldn’t accept this signup. Please try again.",
    );
    expect(storedStatus(bot)).toBeUndefined();
    expect(mailsTo(bot)).toHaveLength(0);
  });

  test("too many attempts for one address are refused", async ({ page }, info) => {
    const email = uniqueEmail(info, "many");
    for (let i = 0; i < 5; i++) {
      await page.goto("/newsletter");
      await fillSignup(page, email);
      await page.getByRole("button", { name: "Subscribe" }).click();
      await expect(page.getByRole("status")).toContainText("Almost done");
    }
    expect(mailsTo(email)).toHaveLength(1);
    await page.goto("/newsletter");
    await fillSignup(page, email);
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.locator("#signup-status")).toHaveText(
      "Too many attempts for this address. Please try again in an hour.",
    );
  });

  test("one-click unsubscribe (RFC 8058) works from the mail headers", async ({ page, request }, info) => {
    const email = uniqueEmail(info, "oneclick");
    await page.goto("/newsletter");
    await fillSignup(page, email);
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.getByRole("status")).toBeVisible();
    const mail = mailsTo(email).at(-1) ?? "";
    expect(mail).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    const url = /^List-Unsubscribe: <([^>]+)>$/m.exec(mail)?.[1] ?? "";
    const response = await request.post(new URL(url).pathname + new URL(url).search, {
      form: { "List-Unsubscribe": "One-Click" },
    });
    expect(response.status()).toBe(200);
    expect(storedStatus(email)).toBe("unsubscribed");
  });

  test("the newsletter pages have no axe violations", async ({ page }) => {
    await page.goto("/newsletter");
    await expectNoAxeViolations(page);
    await fillSignup(page, "bad@address");
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);
    await page.goto("/newsletter/confirm?token=abc");
    await expectNoAxeViolations(page);
  });
});

test.describe("signup blocks", () => {
  test("follow the article body, with the seed's words and the config's links", async ({
    page,
    isMobile,
  }) => {
    await page.goto(SEED_PATH);
    const blocks = page.getByRole("complementary", { name: "Stay in touch" });
    await expect(page.locator("article .article-body").getByText("Sign up for our newsletters")).toHaveCount(
      0,
    );
    await expect(blocks.getByRole("heading", { name: "Sign up for our newsletters" })).toBeVisible();
    await expect(
      blocks.getByText("Get our pick of top stories and thought-provoking articles in your inbox"),
    ).toBeVisible();
    await expect(blocks.getByRole("link", { name: "Subscribe here" })).toHaveAttribute("href", "/newsletter");
    await expect(blocks.getByRole("heading", { name: "Get the Dispatch app" })).toBeVisible();
    await expect(
      blocks.getByText("Stay updated with notifications for breaking news and our best stories"),
    ).toBeVisible();
    await expect(blocks.getByRole("link", { name: "Download here" })).toHaveAttribute("href", "/app");
    await expect(blocks.getByRole("link", { name: /App Store/ })).toHaveAttribute(
      "rel",
      "noopener noreferrer",
    );
    // In the page on every screen (an image hidden by the layout has no role, hence the alt text).
    const qr = blocks.getByAltText(/QR code/);
    await expect(qr).toBeAttached();
    await expect(qr).toBeVisible({ visible: !isMobile });
    if (!isMobile) await expect(blocks.getByRole("img", { name: /QR code/ })).toBeVisible();
    // On a desktop the code is drawn (not a broken image); on a phone its hidden lazy image never loads.
    if (!isMobile) {
      await qr.scrollIntoViewIfNeeded();
      await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    }
    await expect(blocks.getByRole("heading", { name: "Get WhatsApp alerts" })).toBeVisible();
    await expect(
      blocks.getByText("Join our channel for the top reads for the day on your preferred chat app"),
    ).toBeVisible();
    const join = blocks.getByRole("link", { name: /Join here/ });
    await expect(join).toHaveAttribute("target", "_blank");
    await expect(join).toHaveAttribute("rel", "noopener noreferrer");
    await expectNoAxeViolations(page);
  });

  test("appear on the home page and on FAST's last card", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("complementary", { name: "Stay in touch" })).toBeVisible();
    await page.goto("/fast");
    await expect(
      page.locator("#caught-up").getByRole("complementary", { name: "Stay in touch" }),
    ).toBeAttached();
  });
});
