/**
 * `npm run newsletter:send -- --list <id> [--since <ISO time>] [--story <slug>] [--dry-run]`
 *
 * Sends a newsletter issue to the list's confirmed subscribers, exactly once per subscriber: run it
 * from cron or a systemd timer (docs/DEPLOY.md). Safe to re-run after a crash and alongside another
 * run. Shows its progress (a bar on a terminal, a line every 5 s in a log). Ctrl-C (SIGINT) or SIGTERM
 * stops it between batches and says how to resume; a second one stops it at once. Prints a summary;
 * exit code 0 when nothing failed to send, 1 when some did, 2 on bad usage, 130 when stopped.
 */
import { parseArgs } from "node:util";
import { startProgress, type Progress } from "@/lib/cli/progress";
import { env } from "@/lib/config/env";
import { getPublicArticlesAt } from "@/lib/site/api";
import { sendNewsletter } from "@/lib/newsletter/api";
import { UsageError } from "@/lib/newsletter/run";
import type { SendProgress } from "@/lib/newsletter/send";

const USAGE =
  "usage: npm run newsletter:send -- --list <id> [--since <ISO time>] [--story <slug>] [--dry-run]";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      list: { type: "string" },
      since: { type: "string" },
      story: { type: "string" },
      "dry-run": { type: "boolean", default: false },
    },
    strict: true,
  });
  if (!values.list) throw new UsageError("--list is required");
  const since = values.since === undefined ? undefined : new Date(values.since);
  if (since && Number.isNaN(since.getTime()))
    throw new UsageError(`--since must be an ISO time, not "${values.since}"`);
  const now = new Date();
  if (!env.smtpUrl && !values["dry-run"])
    console.warn("newsletter: SMTP_URL is not set: messages go to the outbox folder");
  const stopping = stopOnSignal();
  const display = progressDisplay();
  try {
    const reports = await sendNewsletter(
      { list: values.list, since, story: values.story, dryRun: values["dry-run"], now },
      {
        articles: await getPublicArticlesAt(now),
        log: (line) => console.log(line),
        send: { stop: stopping, onProgress: display.update },
      },
    );
    display.stop();
    if (reports.length === 0 && !values["dry-run"])
      console.log(`newsletter: ${values.list}: no stories in the window: nothing sent`);
    let failed = 0;
    for (const r of reports) {
      failed += r.failed;
      console.log(
        `newsletter: ${r.issue}: sent ${r.sent}, ${r.interrupted ? "left queued" : "retrying later"} ${r.counts.queued}, failed ${r.failed} (suppressed ${r.suppressed}), skipped ${r.skipped}` +
          (r.counts.sending
            ? `, ${r.counts.sending} being sent by another run (or one that stopped: not resent)`
            : "") +
          (r.expired ? `, ${r.expired} left by a stopped run and not resent` : "") +
          `; in all ${r.counts.sent} of ${Object.values(r.counts).reduce((a, b) => a + b, 0)} sent`,
      );
    }
    const stopped = reports.find((r) => r.interrupted);
    if (stopped) {
      console.log(
        `newsletter: ${stopped.issue}: stopped between batches, ${stopped.counts.sent} of ${Object.values(stopped.counts).reduce((a, b) => a + b, 0)} sent; ` +
          `the rest is queued. To resume, run the same command again: npm run newsletter:send -- ${process.argv.slice(2).join(" ")}`,
      );
      return 130;
    }
    return failed > 0 ? 1 : 0;
  } finally {
    display.stop();
  }
}

/**
 * First SIGINT/SIGTERM: stop after the batch in flight. Another one a second or more later: at once (its
 * messages on the wire are never resent). Copies of the first that arrive together (Ctrl-C reaches
 * npm, tsx and this process, and tsx passes it on; systemd signals the whole unit) are not a second.
 */
function stopOnSignal(): () => boolean {
  let askedAt: number | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (askedAt !== undefined) {
      if (Date.now() - askedAt < 1_000) return;
      console.error(`newsletter: ${signal} again: stopping now`);
      process.exit(130);
    }
    askedAt = Date.now();
    // On a terminal, below the progress bar rather than on its line.
    console.error(
      `${process.stderr.isTTY ? "\n" : ""}newsletter: ${signal}: stopping after the messages in flight (${signal === "SIGINT" ? "Ctrl-C" : "the signal"} again to stop at once)`,
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return () => askedAt !== undefined;
}

/** One progress display per issue being sent, on stderr (stdout keeps the summary lines). */
function progressDisplay() {
  let current: { issue: string; progress: Progress } | undefined;
  return {
    update: (p: SendProgress) => {
      if (current?.issue !== p.issue) {
        current?.progress.stop();
        current = {
          issue: p.issue,
          progress: startProgress({
            title: `newsletter: ${p.issue}`,
            total: p.total,
            unit: "done",
            startAt: p.doneBefore,
          }),
        };
      }
      current.progress.update(p.done, p.failed);
    },
    stop: () => {
      current?.progress.stop();
      current = undefined;
    },
  };
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (
      error instanceof UsageError ||
      (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))
    ) {
      console.error(`newsletter: ${error.message}\n${USAGE}`);
      process.exit(2);
    }
    console.error("newsletter:", error);
    process.exit(1);
  },
);
