/**
 * The newsletter's door for routes and commands: the one-click unsubscribe, a sent issue's web
 * version and a send run open their stores here, never in the route. (Forms use actions.ts, the
 * server actions, which open theirs here too.)
 */
import path from "node:path";
import { env } from "@/lib/config/env";
import { findNewsletter } from "@/lib/config/site";
import type { Article } from "@/lib/content/article";
import { getDb, openDatabase } from "@/lib/db/database";
import { archivePage, type ArchivePage } from "./archive-page";
import { UNSUBSCRIBE_PLACEHOLDER } from "./brief";
import { createBulkTransport } from "./bulk-transport";
import { IssueStore } from "./issues";
import { runNewsletter, type RunOptions } from "./run";
import type { SendOptions, SendReport } from "./send";
import { SubscriptionStore } from "./store";

export { DatabaseUnavailableError } from "@/lib/db/database";

/** The site's subscriptions, in the database this process serves from. */
export async function subscriptionStore(): Promise<SubscriptionStore> {
  return new SubscriptionStore(await getDb());
}

/** RFC 8058 one-click unsubscribe: whether the token named a subscription that is now ended. */
export async function unsubscribeOneClick(token: string): Promise<boolean> {
  return (await (await subscriptionStore()).unsubscribe(token.slice(0, 200), new Date())) === "unsubscribed";
}

/**
 * The web version of a sent issue, as it may be served now, with the per-reader unsubscribe link
 * replaced by `newsletterPage`; undefined when there is no such issue. `findStory` is the site's
 * public view of a story (a newsletter sits below the content API and is handed it).
 */
export async function archivedIssue(
  listId: string,
  issue: string,
  findStory: (slug: string) => Promise<Article | undefined>,
  newsletterPage: string,
): Promise<ArchivePage | undefined> {
  const list = findNewsletter(listId);
  if (!list || !/^[a-z0-9-]{1,200}$/.test(issue)) return undefined;
  const found = await new IssueStore(await getDb()).findIssue(`${listId}/${issue}`);
  if (!found) return undefined;
  const page = await archivePage(found, list, findStory);
  return { ...page, html: page.html.replaceAll(UNSUBSCRIBE_PLACEHOLDER, newsletterPage) };
}

/**
 * One `newsletter:send` run against the configured database and mail server (SMTP_URL, else the
 * outbox folder): opened here, closed when the run ends however it ends.
 */
export async function sendNewsletter(
  options: RunOptions,
  run: { articles: readonly Article[]; log: (line: string) => void; send: SendOptions },
): Promise<SendReport[]> {
  // The site's own database: PostgreSQL when DATABASE_URL is set, else DATA_DIR's SQLite file.
  const db = await openDatabase({ databaseUrl: env.databaseUrl });
  const transport = createBulkTransport({
    smtpUrl: env.smtpUrl,
    outboxDir: env.outboxDir,
    from: env.mailFrom,
    maxConnections: env.newsletterConnections,
    ratePerSecond: env.newsletterRatePerSecond,
  });
  try {
    return await runNewsletter(
      {
        db,
        transport,
        articles: run.articles,
        previewDir: path.join(env.dataDir, "previews"),
        log: run.log,
        send: { concurrency: env.newsletterConnections, ...run.send },
      },
      options,
    );
  } finally {
    transport.close();
    await db.destroy();
  }
}
