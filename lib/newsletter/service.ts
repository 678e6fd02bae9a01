/**
 * A newsletter signup from form post to email: honeypot, validation, rate limits, storage, mail.
 * Every reply tells the truth, reads the same whether or not the address was already subscribed,
 * and a refusal stores no subscription.
 */
import { env } from "@/lib/config/env";
import { processSingleton } from "@/lib/runtime/singleton";
import { subscriptionStore } from "./api";
import { alreadySubscribedEmail, confirmationEmail } from "./emails";
import { createMailer, type Mailer } from "./mailer";
import type { SubscriptionStore } from "./store";
import { rateLimitKey } from "./tokens";
import { validateSignup, type FieldErrors, type SignupInput } from "./validate";

export type SignupState = {
  status: "idle" | "success" | "error";
  message?: string;
  errors?: FieldErrors;
  /** What the reader typed, so a refused form keeps it. */
  values?: { email: string; lists: string[] };
};

export type Deps = {
  store: () => Promise<SubscriptionStore>;
  mailer: Mailer;
  now: () => Date;
  /** Confirmation emails the whole site sends per minute, across every address and instance. */
  emailsPerMinute?: number;
};

const ONE_MINUTE = 60 * 1000;
const TEN_MINUTES = 10 * 60 * 1000;
const GLOBAL_EMAIL_KEY = "global:confirmation-emails";
const ONE_HOUR = 60 * 60 * 1000;
const LIMIT_PER_ADDRESS = 5;

export const MESSAGES = {
  honeypot: "We couldn’t accept this signup. Please try again.",
  tooManyFromIp: "Too many signup attempts from your connection. Please wait 10 minutes and try again.",
  tooManyForAddress: "Too many attempts for this address. Please try again in an hour.",
  mailFailed:
    "We saved your signup but couldn’t send the confirmation email just now. Please try again in a few minutes.",
  unavailable: "Signups are unavailable right now and nothing was saved. Please try again later.",
  busy: "We’re getting a lot of signups right now and nothing was saved. Please try again in a few minutes.",
  checkInbox: (email: string) =>
    `Almost done: we’ve sent an email to ${email}. Open the link in it to confirm your subscription.`,
} as const;

let defaults: Deps | undefined;

function defaultDeps(): Deps {
  defaults ??= {
    store: subscriptionStore,
    mailer: createMailer({
      smtpUrl: env.smtpUrl,
      outboxDir: env.outboxDir,
      from: env.mailFrom,
      logLinks: env.mailLogLinks,
    }),
    now: () => new Date(),
  };
  return defaults;
}

export async function subscribe(
  input: SignupInput,
  clientIp: string,
  deps: Deps = defaultDeps(),
): Promise<SignupState> {
  const values = { email: input.email.trim(), lists: input.lists };
  if (input.honeypot.trim() !== "") return { status: "error", message: MESSAGES.honeypot, values };
  const valid = validateSignup(input);
  if (!valid.ok) return { status: "error", errors: valid.errors, values };

  let store: SubscriptionStore;
  let outcome;
  try {
    store = await deps.store();
    const now = deps.now();
    if (!(await store.allow(rateLimitKey("ip", clientIp), env.signupLimitPerIp, TEN_MINUTES, now))) {
      return { status: "error", message: MESSAGES.tooManyFromIp, values };
    }
    if (!(await store.allow(rateLimitKey("email", valid.email), LIMIT_PER_ADDRESS, ONE_HOUR, now))) {
      return { status: "error", message: MESSAGES.tooManyForAddress, values };
    }
    // A site-wide cap, so many addresses from many connections cannot turn the site into a mail cannon.
    const cap = deps.emailsPerMinute ?? env.confirmationEmailsPerMinute;
    if (!(await store.allow(GLOBAL_EMAIL_KEY, cap, ONE_MINUTE, now))) {
      return { status: "error", message: MESSAGES.busy, values };
    }
    purgeHourly(store, now);
    outcome = await store.signup(valid.email, valid.lists, now);
  } catch (error) {
    console.error("newsletter: signup storage failed:", error instanceof Error ? error.message : error);
    return { status: "error", message: MESSAGES.unavailable, values };
  }

  if (outcome.kind === "send") {
    const mail = outcome.confirmToken
      ? confirmationEmail(valid.email, valid.lists, {
          confirm: outcome.confirmToken,
          unsubscribe: outcome.unsubscribeToken,
        })
      : alreadySubscribedEmail(valid.email, { unsubscribe: outcome.unsubscribeToken });
    try {
      await deps.mailer.send(mail);
    } catch (error) {
      console.error("newsletter: confirmation email failed:", error instanceof Error ? error.message : error);
      await store.markNotSent(outcome.id).catch(() => undefined);
      return { status: "error", message: MESSAGES.mailFailed, values };
    }
  }
  return { status: "success", message: MESSAGES.checkInbox(valid.email), values };
}

/**
 * Drops expired pending signups and spent rate-limit rows, at most once an hour per process. Not
 * awaited: housekeeping must neither delay the reader's signup nor fail it.
 */
function purgeHourly(store: SubscriptionStore, now: Date): void {
  const last = processSingleton("newsletter.purge", () => ({ at: 0 }));
  if (now.getTime() - last.at < ONE_HOUR) return;
  last.at = now.getTime();
  store.purgeExpired(now).then(
    (purged) => {
      if (purged.pending + purged.rateLimits === 0) return;
      console.info(
        `newsletter: purged ${purged.pending} expired signup(s), ${purged.rateLimits} rate-limit row(s)`,
      );
    },
    (error: unknown) =>
      console.error("newsletter: purge failed:", error instanceof Error ? error.message : error),
  );
}
