/**
 * Newsletter issues: one row per issue key ("morning-brief/2026-11-29", "breaking-news/{slug}"), made
 * once whoever asks first, holding the rendered email so a resumed send and the web version show
 * exactly what was mailed.
 */
import { sql, type ExpressionBuilder, type Insertable, type Selectable } from "kysely";
import type { Db } from "@/lib/db/database";
import type { Database, NewsletterIssuesTable } from "@/lib/db/schema";

export type IssueRow = Selectable<NewsletterIssuesTable>;

export type NewIssue = Insertable<NewsletterIssuesTable>;

/** Subscribers who get a list's mail: confirmed, not suppressed, on the list. */
export function confirmedOf(listId: string) {
  return (eb: ExpressionBuilder<Database, "subscriptions">) =>
    eb.and([
      eb("status", "=", "confirmed"),
      eb("suppressed_at", "is", null),
      eb(sql<string>`',' || lists || ','`, "like", `%,${listId},%`),
    ]);
}

export class IssueStore {
  constructor(private readonly db: Db) {}

  /** The issue for a key, made now if it does not exist yet (two senders agree on one row). */
  async issue(issue: NewIssue): Promise<IssueRow> {
    await this.db
      .insertInto("newsletter_issues")
      .values(issue)
      .onConflict((oc) => oc.column("issue_key").doNothing())
      .execute();
    const row = await this.findIssue(issue.issue_key);
    if (!row) throw new Error(`newsletter: issue ${issue.issue_key} was not stored`);
    return row;
  }

  async findIssue(key: string): Promise<IssueRow | undefined> {
    return this.db
      .selectFrom("newsletter_issues")
      .selectAll()
      .where("issue_key", "=", key)
      .executeTakeFirst();
  }

  /** Issues of a list with rows still queued (retries due later, or a run that stopped). */
  async unfinishedIssues(listId: string): Promise<IssueRow[]> {
    return this.db
      .selectFrom("newsletter_issues")
      .selectAll()
      .where("list_id", "=", listId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("newsletter_deliveries")
            .select("issue_id")
            .whereRef("newsletter_deliveries.issue_id", "=", "newsletter_issues.id")
            .where("newsletter_deliveries.status", "=", "queued"),
        ),
      )
      .orderBy("id")
      .execute();
  }

  /** Confirmed, unsuppressed subscribers of a list (a dry run's "would go to"). */
  async recipientCount(listId: string): Promise<number> {
    const row = await this.db
      .selectFrom("subscriptions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where(confirmedOf(listId))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}
