/** Validation of a signup form post. Pure: every refusal has a message for the field it concerns. */
import { newsletterIds } from "@/lib/config/site";

const KNOWN_LISTS: readonly string[] = newsletterIds;

const EMAIL_MAX = 254;

export type SignupInput = { email: string; lists: string[]; honeypot: string };
export type FieldErrors = { email?: string; lists?: string };
export type Validated = { ok: true; email: string; lists: string[] } | { ok: false; errors: FieldErrors };

// A sensible syntax check, not RFC 5322: one @, no spaces, a dotted domain of valid labels.
const LOCAL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}$/;
const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

export function emailProblem(email: string): string | undefined {
  if (email.length === 0) return "Enter your email address.";
  if (email.length > EMAIL_MAX) return `An email address can be at most ${EMAIL_MAX} characters.`;
  const at = email.lastIndexOf("@");
  const local = email.slice(0, at);
  const labels = email.slice(at + 1).split(".");
  const valid =
    at > 0 &&
    LOCAL.test(local) &&
    !local.startsWith(".") &&
    !local.endsWith(".") &&
    !local.includes("..") &&
    labels.length >= 2 &&
    labels.every((l) => LABEL.test(l)) &&
    /^[a-z]{2,63}$/i.test(labels.at(-1) ?? "");
  return valid ? undefined : "Enter an email address like name@example.com.";
}

export function validateSignup(input: SignupInput): Validated {
  const email = normaliseEmail(input.email);
  const errors: FieldErrors = {};
  const emailError = emailProblem(email);
  if (emailError) errors.email = emailError;
  const lists = [...new Set(input.lists)];
  if (lists.length === 0) errors.lists = "Choose at least one newsletter.";
  else if (lists.some((l) => !KNOWN_LISTS.includes(l))) errors.lists = "Choose from the newsletters listed.";
  if (errors.email || errors.lists) return { ok: false, errors };
  return { ok: true, email, lists: KNOWN_LISTS.filter((id) => lists.includes(id)) };
}
