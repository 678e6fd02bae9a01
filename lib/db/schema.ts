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
};

type RateLimitsTable = {
  /** "ip:<hash>" or "email:<hash>": never a raw address. */
  key: string;
  window_start: string;
  count: number;
};

type SettingsTable = { name: string; value: string };

export type Database = {
  subscriptions: SubscriptionsTable;
  rate_limits: RateLimitsTable;
  settings: SettingsTable;
};
