/**
 * Sends an issue to its list: enqueue a row per confirmed subscriber (in pages), then claim batches
 * and send each row once. Safe to run again after a crash and alongside another sender (deliveries.ts).
 * A temporary failure (4xx, a dropped connection) is retried with exponential backoff; a permanent
 * one (5xx) is recorded and counted against the address, which is suppressed after repeated ones.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { processAlive } from "@/lib/runtime/process-alive";
import { siteConfig, absoluteUrl } from "@/lib/config/site";
import type { Db } from "@/lib/db/database";
import { readUnsubscribeKey, unsubscribeToken } from "./tokens";
import { UNSUBSCRIBE_PLACEHOLDER } from "./brief";
import { DeliveryStore, type Claimed, type DeliveryCounts } from "./deliveries";
import type { IssueRow } from "./issues";
import type { BulkMail } from "./bulk-transport";
import { mapLimited } from "@/lib/runtime/limit";

/** The site's host name, for Message-IDs and List-Id. */
const MAIL_DOMAIN = new URL(siteConfig.url).hostname;

export type SendOptions = {
  /** Names this sender in its claims (a random id by default). */
  sender?: string;
  batchSize?: number;
  /** Messages in flight at once (match the transport's pool). */
  concurrency?: number;
  /** Attempts before a temporary failure becomes a failure. */
  maxAttempts?: number;
  /** First retry after this long, doubling each time. */
  retryBaseMs?: number;
  /** How long this run waits for retries that are not yet due before leaving them to the next run. */
  waitForRetriesMs?: number;
  now?: () => Date;
  /** Asked before each batch: true stops the run there (Ctrl-C); the rest stays queued for the next. */
  stop?: () => boolean;
  /** Told after each message: rows of the issue finished (by any run), of all its rows. */
  onProgress?: (progress: SendProgress) => void;
};

export type SendProgress = {
  issue: string;
  done: number;
  total: number;
  /** Finished before this run started (a resumed issue). */
  doneBefore: number;
  /** Failed in this run. */
  failed: number;
};

export type SendReport = {
  issue: string;
  /** What this run did. */
  sent: number;
  skipped: number;
  retried: number;
  failed: number;
  suppressed: number;
  /** Rows a sender that died left mid-send, now marked unknown (never resent). */
  expired: number;
  /** The issue's rows by status after this run. */
  counts: DeliveryCounts;
  /** Stopped by `stop` before the issue was done. */
  interrupted: boolean;
};

export async function sendIssue(
  db: Db,
  transport: BulkMail,
  issue: IssueRow,
  options: SendOptions = {},
): Promise<SendReport> {
  const {
    sender = `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`,
    batchSize = 100,
    concurrency = 5,
    maxAttempts = 5,
    retryBaseMs = 60_000,
    waitForRetriesMs = 15 * 60_000,
    now = () => new Date(),
  } = options;
  const store = new DeliveryStore(db);
  const report: SendReport = {
    issue: issue.issue_key,
    sent: 0,
    skipped: 0,
    retried: 0,
    failed: 0,
    suppressed: 0,
    expired: 0,
    counts: await store.counts(issue.id),
    interrupted: false,
  };
  report.expired = await store.recover(issue.id, deadOnThisMachine, now());
  await store.enqueue(issue.id, issue.list_id, now());
  // Counted once, then by this run's own outcomes: a count per batch would cost a scan of the issue.
  const counts = await store.counts(issue.id);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const doneBefore = total - counts.queued - counts.sending;
  const progress = () =>
    options.onProgress?.({
      issue: issue.issue_key,
      total,
      doneBefore,
      done: doneBefore + report.sent + report.skipped + report.failed,
      failed: report.failed,
    });
  progress();
  const key = await readUnsubscribeKey(db);
  const giveUpAt = now().getTime() + waitForRetriesMs;

  const deliver = async (row: Claimed) => {
    await deliverOne(row);
    progress();
  };
  const deliverOne = async (row: Claimed) => {
    const subscribed =
      row.status === "confirmed" && !row.suppressed_at && row.lists.split(",").includes(issue.list_id);
    if (!subscribed) {
      await store.finish(
        issue.id,
        row.subscription_id,
        sender,
        { status: "skipped", error: "no longer subscribed" },
        now(),
      );
      report.skipped++;
      return;
    }
    // On the wire from here: if this process dies before the outcome is stored, never resent.
    if (!(await store.startSending(issue.id, row.subscription_id, sender, now()))) return;
    const messageId = `<${issue.issue_key.replace(/[^a-z0-9-]+/gi, ".")}.${row.subscription_id}@${MAIL_DOMAIN}>`;
    try {
      await transport.send(personalise(issue, row, key, messageId));
      await store.finish(issue.id, row.subscription_id, sender, { status: "sent", messageId }, now());
      report.sent++;
    } catch (error) {
      const code = responseCode(error);
      const message = error instanceof Error ? error.message : String(error);
      const temporary = (code === undefined || code < 500) && row.attempts + 1 < maxAttempts;
      const outcome = temporary
        ? {
            status: "queued" as const,
            error: message,
            retryAt: new Date(now().getTime() + retryBaseMs * 2 ** row.attempts),
          }
        : { status: "failed" as const, error: message };
      await store.finish(issue.id, row.subscription_id, sender, outcome, now());
      if (temporary) report.retried++;
      else report.failed++;
      // Only a permanent refusal (5xx) counts against the address.
      if (code !== undefined && code >= 500 && (await store.bounce(row.subscription_id, now())))
        report.suppressed++;
    }
  };

  for (;;) {
    if (options.stop?.()) {
      report.interrupted = true;
      break;
    }
    const batch = await store.claim(issue.id, sender, batchSize, now());
    if (batch.length > 0) {
      await mapLimited(batch, concurrency, deliver);
      continue;
    }
    const next = await store.nextDue(issue.id);
    if (!next || next.getTime() > giveUpAt) break;
    // In short steps, so that a stop request does not wait for a retry minutes away.
    const until = Date.now() + Math.max(20, next.getTime() - now().getTime());
    while (Date.now() < until && !options.stop?.()) await sleep(Math.min(200, until - Date.now()));
  }
  report.counts = await store.counts(issue.id);
  return report;
}

function personalise(issue: IssueRow, row: Claimed, key: string, messageId: string) {
  const token = unsubscribeToken(key, row.subscription_id, row.email);
  const unsubscribe = absoluteUrl(`/newsletter/unsubscribe?token=${token}`);
  const oneClick = absoluteUrl(`/newsletter/one-click?token=${token}`);
  return {
    to: row.email,
    subject: issue.subject,
    html: issue.html.replaceAll(UNSUBSCRIBE_PLACEHOLDER, unsubscribe),
    text: issue.text.replaceAll(UNSUBSCRIBE_PLACEHOLDER, unsubscribe),
    messageId,
    headers: {
      "List-Unsubscribe": `<${oneClick}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "List-Id": `${issue.list_id} <${issue.list_id}.${MAIL_DOMAIN}>`,
    },
  };
}

/** The SMTP reply code of a failed send, if the server gave one. */
function responseCode(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null || !("responseCode" in error)) return undefined;
  return typeof error.responseCode === "number" ? error.responseCode : undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A sender id is host:pid:random; one on this machine whose process is gone is dead. */
function deadOnThisMachine(sender: string): boolean {
  const [host, pid] = sender.split(":");
  return host === os.hostname() && Number(pid) !== process.pid && !processAlive(Number(pid));
}
