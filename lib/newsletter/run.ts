/**
 * What `npm run newsletter:send` does, apart from reading the command line: resume any unfinished
 * issue of the list, compose this window's brief (or each breaking story's alert) from the stories
 * public now, store it as an issue (once per key), and send it (send.ts). --dry-run writes the
 * rendered issue to a file and says how many would get it, sending nothing.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findNewsletter, siteConfig, type NewsletterConfig } from "@/lib/config/site";
import type { Article } from "@/lib/content/article";
import type { Db } from "@/lib/db/database";
import { briefText, composeBrief, storiesInWindow, type Brief } from "./brief";
import type { BulkMail } from "./bulk-transport";
import { IssueStore, type IssueRow } from "./issues";
import { renderBriefHtml } from "./email/render";
import { sendIssue, type SendOptions, type SendReport } from "./send";
import { briefWindow, describeWindow } from "./window";

/** Breaking stories older than this are not sent unless named (a first deploy must not send the archive). */
const BREAKING_WITHIN_MS = 6 * 60 * 60 * 1000;

export type RunOptions = { list: string; since?: Date; dryRun?: boolean; story?: string; now?: Date };

export type RunDeps = {
  db: Db;
  transport: BulkMail;
  /** Stories public at `now`, newest first (the content API's public view). */
  articles: readonly Article[];
  previewDir: string;
  log: (line: string) => void;
  send?: SendOptions;
};

export async function runNewsletter(deps: RunDeps, options: RunOptions): Promise<SendReport[]> {
  const list = findNewsletter(options.list);
  if (!list)
    throw new UsageError(
      `unknown list "${options.list}"; lists: ${siteConfig.newsletters.map((n) => n.id).join(", ")}`,
    );
  const now = options.now ?? new Date();
  const store = new IssueStore(deps.db);
  const reports: SendReport[] = [];
  if (!options.dryRun) {
    for (const issue of await store.unfinishedIssues(list.id)) {
      deps.log(`newsletter: resuming ${issue.issue_key}`);
      reports.push(await sendIssue(deps.db, deps.transport, issue, deps.send));
      if (reports.at(-1)?.interrupted) return reports;
    }
  }
  for (const brief of briefsToSend(list, deps.articles, now, options, deps.log)) {
    if (reports.some((r) => r.issue === brief.key)) continue;
    const html = await renderBriefHtml(brief);
    const text = briefText(brief);
    if (options.dryRun) {
      mkdirSync(deps.previewDir, { recursive: true });
      const file = path.join(deps.previewDir, `${brief.key.replace(/\//g, "--")}.html`);
      writeFileSync(file, html);
      const recipients = await store.recipientCount(list.id);
      deps.log(
        `newsletter: dry run: ${brief.key}, ${brief.stories.length} stories, would go to ${recipients} subscribers; preview: ${file}`,
      );
      continue;
    }
    const issue: IssueRow = await store.issue({
      issue_key: brief.key,
      list_id: list.id,
      subject: brief.subject,
      html,
      text,
      story_count: brief.stories.length,
      window_start: brief.windowStart,
      window_end: brief.windowEnd,
      created_at: now.toISOString(),
    });
    reports.push(await sendIssue(deps.db, deps.transport, issue, deps.send));
    if (reports.at(-1)?.interrupted) break;
  }
  return reports;
}

function briefsToSend(
  list: NewsletterConfig,
  articles: readonly Article[],
  now: Date,
  options: RunOptions,
  log: (line: string) => void,
): Brief[] {
  const zone = siteConfig.timeZone;
  if (list.schedule.kind === "brief") {
    const window = briefWindow(list.schedule, now, zone, options.since);
    const stories = storiesInWindow(articles, window);
    // Always said, so that an empty window (a --since after the last send time, say) is not a mystery.
    log(
      `newsletter: ${list.id}/${window.date}: window ${describeWindow(window, zone)} ` +
        `(${options.since ? "from --since; it" : "it"} ends at the list's last send time, ${list.schedule.at}): ` +
        `${stories.length} ${stories.length === 1 ? "story" : "stories"}`,
    );
    if (stories.length === 0) return [];
    return [composeBrief(list, { key: `${list.id}/${window.date}`, window }, stories)];
  }
  const since = options.since?.getTime() ?? now.getTime() - BREAKING_WITHIN_MS;
  const chosen = options.story
    ? articles.filter((a) => a.slug === options.story)
    : articles.filter((a) => a.breaking && Date.parse(a.published) >= since);
  log(
    options.story
      ? `newsletter: ${list.id}: the story "${options.story}"`
      : `newsletter: ${list.id}: window ${describeWindow({ start: new Date(since), end: now }, zone)} ` +
          `(breaking stories published ${options.since ? "since --since" : "in the last 6 hours"}): ${chosen.length}`,
  );
  if (options.story && chosen.length === 0) throw new UsageError(`no public story "${options.story}"`);
  return chosen.map((a) =>
    composeBrief(
      list,
      {
        key: `${list.id}/${a.slug}`,
        window: { start: new Date(a.published), end: new Date(a.published) },
      },
      [a],
    ),
  );
}

export class UsageError extends Error {
  override name = "UsageError";
}
