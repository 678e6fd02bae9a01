/**
 * The archive page of a sent issue (/newsletter/archive/{list}/{issue}) as it may be served now:
 * archive.ts decides, against the site's public view at this moment (`findStory`), what is still shown.
 */
import { absoluteUrl, siteConfig, type NewsletterConfig } from "@/lib/config/site";
import type { Article } from "@/lib/content/article";
import { escapeXml as escapeHtml } from "@/lib/feeds/xml";
import { archiveView, issueSlugs } from "./archive";
import { composeBrief } from "./brief";
import type { IssueRow } from "./issues";
import { renderBriefHtml } from "./email/render";

export type ArchivePage = { status: 200 | 404; html: string };

export async function archivePage(
  issue: IssueRow,
  list: NewsletterConfig,
  findStory: (slug: string) => Promise<Article | undefined>,
): Promise<ArchivePage> {
  const slugs = issueSlugs(issue.text);
  const view = archiveView(slugs, await Promise.all(slugs.map(findStory)));
  switch (view.kind) {
    case "as-mailed":
      return { status: 200, html: issue.html };
    case "reduced": {
      // Composed again from the stories still public (their current text), the way it was sent.
      const window = { start: new Date(issue.window_start), end: new Date(issue.window_end) };
      const brief = composeBrief(list, { key: issue.issue_key, window }, view.stories);
      return { status: 200, html: await renderBriefHtml({ ...brief, withdrawn: view.withdrawn }) };
    }
    case "withdrawn":
      // As the stories' own pages: 404, saying plainly why.
      return { status: 404, html: withdrawnHtml(list) };
  }
}

function withdrawnHtml(list: NewsletterConfig): string {
  const name = escapeHtml(`${siteConfig.name} · ${list.name}`);
  return [
    `<!doctype html><html lang="${siteConfig.locale}"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">`,
    `<title>${name}</title></head>`,
    `<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;max-width:36rem;margin:2rem auto;padding:0 1rem">`,
    `<p>${name}</p><h1>This issue is no longer available</h1>`,
    `<p>The stories it carried have been withdrawn from ${escapeHtml(siteConfig.name)}.</p>`,
    `<p><a href="${escapeHtml(absoluteUrl("/"))}">Today’s news</a> · `,
    `<a href="${escapeHtml(absoluteUrl("/newsletter"))}">Newsletters</a></p></body></html>`,
  ].join("");
}
