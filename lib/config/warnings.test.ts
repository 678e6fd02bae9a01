import { describe, expect, it } from "vitest";
import { deploymentWarnings, formatWarnings } from "./warnings";

describe("deploymentWarnings", () => {
  it("names an unset SMTP_URL and a localhost SITE_URL", () => {
    const warnings = deploymentWarnings({ siteUrl: "http://localhost:3000" });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^SMTP_URL is not set: newsletter emails are NOT sent/);
    expect(warnings[1]).toMatch(/^SITE_URL is http:\/\/localhost:3000/);
    expect(deploymentWarnings({ siteUrl: "http://127.0.0.1:8080", smtpUrl: "smtp://m" })).toHaveLength(1);
  });

  it("is silent for a production setup", () => {
    expect(deploymentWarnings({ siteUrl: "https://news.example.com", smtpUrl: "smtp://mail:587" })).toEqual(
      [],
    );
    expect(formatWarnings([])).toBe("");
  });
});
