/**
 * The transport newsletters go out through: a pooled SMTP transport with a rate cap when SMTP_URL is
 * set, the outbox folder (.eml files) when it is not. Errors keep nodemailer's `responseCode`, which
 * the sender reads to tell a temporary failure (4xx) from a permanent one (5xx).
 */
import { smtpOrOutbox, SMTP_TIMEOUTS, type Mail } from "./mailer";

type BulkMessage = Mail & { messageId: string };

export type BulkMail = { send(mail: BulkMessage): Promise<void>; close(): void };

export function createBulkTransport(opts: {
  smtpUrl?: string;
  outboxDir: string;
  from: string;
  /** Connections kept open to the SMTP server. */
  maxConnections: number;
  /** Messages a second across all connections. */
  ratePerSecond: number;
}): BulkMail {
  return smtpOrOutbox<BulkMessage>({
    ...opts,
    smtp: {
      pool: true,
      maxConnections: opts.maxConnections,
      maxMessages: 1000,
      rateDelta: 1000,
      rateLimit: opts.ratePerSecond,
      ...SMTP_TIMEOUTS,
    },
  });
}
