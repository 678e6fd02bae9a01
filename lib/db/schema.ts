/** Table types for Kysely: the same on SQLite and PostgreSQL. Times are ISO 8601 strings in UTC. */
import type { Generated } from "kysely";

export type SubscriptionStatus = "pending" | "confirmed" | "unsubscribed";

type SubscriptionsTable = {
  id: Generated<number>;
  /** Trimmed and lower-cased; unique. */
  email: string;
  /** Comma-separated newsletter ids from the site config. */
  lists: string;
  status: SubscriptionStatus;
  /** SHA-256 of the confirmation token; the token itself is only ever in the email. */
  confirm_token_hash: string | null;
  /** Until when a pending signup can be confirmed. */
  expires_at: string | null;
  /** When a confirmation email was last handed to the mail transport (null: none, or it failed). */
  last_sent_at: string | null;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  /** Permanent delivery failures (5xx) so far; at SUPPRESS_AFTER the address is suppressed. */
  hard_bounces: Generated<number>;
  /** When repeated permanent failures stopped all mail to this address. */
  suppressed_at: string | null;
};

export type NewsletterIssuesTable = {
  id: Generated<number>;
  issue_key: string;
  list_id: string;
  subject: string;
  html: string;
  text: string;
  story_count: number;
  window_start: string;
  window_end: string;
  created_at: string;
};

export type DeliveryStatus = "queued" | "claimed" | "sending" | "sent" | "failed" | "skipped" | "unknown";

type NewsletterDeliveriesTable = {
  issue_id: number;
  subscription_id: number;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string;
  claimed_by: string | null;
  claimed_at: string | null;
  message_id: string | null;
  error: string | null;
  updated_at: string;
};

type RateLimitsTable = {
  /** "ip:<hash>" or "email:<hash>": never a raw address. */
  key: string;
  window_start: string;
  count: number;
};

type SettingsTable = { name: string; value: string };

/** Reads of a story in one hour (lib/reads). */
type StoryReadsTable = { story: string; hour: string; count: number };

export type Database = {
  subscriptions: SubscriptionsTable;
  rate_limits: RateLimitsTable;
  settings: SettingsTable;
  newsletter_issues: NewsletterIssuesTable;
  newsletter_deliveries: NewsletterDeliveriesTable;
  story_reads: StoryReadsTable;
};
