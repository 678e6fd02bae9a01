import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./lib/axe";
import { fillSignup, uniqueEmail } from "./lib/newsletter";

/**
 * After "Subscribe" the page says what happened, not "Sign up" again: which newsletters were chosen,
 * a way to correct the address, and a way back to the news. JavaScript on and off.
 */
for (const js of [true, false]) {
  test.describe(`JavaScript ${js ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled: js });

    test("“check your inbox” names the newsletters and offers a way to fix the address and one back to the news", async ({
      page,
    }, info) => {
      const email = uniqueEmail(info, js ? "done-js" : "done-nojs");
      await page.goto("/newsletter");
      if (js) await page.waitForLoadState("networkidle");
      await fillSignup(page, email, ["Morning Brief", "Breaking News"]);
      await page.getByRole("button", { name: "Subscribe" }).click();
      await expect(page.getByRole("status")).toContainText(`we’ve sent an email to ${email}`);

      const heading = page.getByRole("heading", { level: 1 });
      await expect(heading).toHaveCount(1);
      await expect(heading).toHaveText("Check your inbox");
      const chosen = page.getByRole("list", { name: "Your newsletters" });
      await expect(chosen.getByRole("listitem")).toHaveText([/Morning Brief/, /Breaking News/]);
      await expect(page.getByRole("link", { name: "Back to the news" })).toHaveAttribute("href", "/");
      // axe runs in the page: with JavaScript on only.
      if (js) await expectNoAxeViolations(page);

      // A typo in the address: the reader goes back to the form and corrects it.
      await page.getByRole("link", { name: "Use a different address" }).click();
      const field = page.getByLabel("Email address");
      await expect(field).toBeVisible();
      if (js) {
        // The form comes back as it was sent.
        await expect(field).toHaveValue(email);
        await expect(page.getByRole("checkbox", { name: /Breaking News/ })).toBeChecked();
        await expect(page.getByRole("checkbox", { name: /Evening Brief/ })).not.toBeChecked();
      }
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign up for our newsletters");
      const fixed = uniqueEmail(info, js ? "fixed-js" : "fixed-nojs");
      await fillSignup(page, fixed, ["Evening Brief"]);
      await page.getByRole("button", { name: "Subscribe" }).click();
      await expect(page.getByRole("status")).toContainText(`we’ve sent an email to ${fixed}`);
      await expect(chosen.getByRole("listitem")).toHaveText([/Evening Brief/]);

      await page.getByRole("link", { name: "Back to the news" }).click();
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByRole("heading", { name: "Latest", exact: true })).toBeVisible();
    });
  });
}
