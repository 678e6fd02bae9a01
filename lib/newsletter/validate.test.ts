import { describe, expect, it } from "vitest";
import { emailProblem, validateSignup } from "./validate";

describe("emailProblem", () => {
  it.each([
    "reader@example.com",
    "first.last+news@sub.example.co.uk",
    "a@b.io",
    `${"a".repeat(64)}@example.com`,
  ])("accepts %s", (email) => expect(emailProblem(email)).toBeUndefined());

  it.each([
    ["", "Enter your email address."],
    ["reader", "Enter an email address like name@example.com."],
    ["reader@", "Enter an email address like name@example.com."],
    ["@example.com", "Enter an email address like name@example.com."],
    ["reader@example", "Enter an email address like name@example.com."],
    ["read er@example.com", "Enter an email address like name@example.com."],
    ["reader@exa_mple.com", "Enter an email address like name@example.com."],
    ["reader@-example.com", "Enter an email address like name@example.com."],
    ["re..ader@example.com", "Enter an email address like name@example.com."],
    ["<script>@example.com", "Enter an email address like name@example.com."],
    [`${"a".repeat(65)}@example.com`, "Enter an email address like name@example.com."],
    [`a@${"b".repeat(250)}.com`, "An email address can be at most 254 characters."],
  ])("refuses %j", (email, message) => expect(emailProblem(email)).toBe(message));
});

describe("validateSignup", () => {
  it("trims and lower-cases the address and keeps list order from the config", () => {
    expect(
      validateSignup({
        email: "  Reader@Example.COM ",
        lists: ["breaking-news", "morning-brief"],
        honeypot: "",
      }),
    ).toEqual({
      ok: true,
      email: "reader@example.com",
      lists: ["morning-brief", "breaking-news"],
    });
  });

  it("needs at least one known list", () => {
    expect(validateSignup({ email: "a@b.io", lists: [], honeypot: "" })).toEqual({
      ok: false,
      errors: { lists: "Choose at least one newsletter." },
    });
    expect(validateSignup({ email: "a@b.io", lists: ["morning-brief", "x' OR 1=1"], honeypot: "" })).toEqual({
      ok: false,
      errors: { lists: "Choose from the newsletters listed." },
    });
  });

  it("reports both fields at once", () => {
    const r = validateSignup({ email: "nope", lists: [], honeypot: "" });
    expect(r.ok ? {} : r.errors).toEqual({
      email: "Enter an email address like name@example.com.",
      lists: "Choose at least one newsletter.",
    });
  });
});
