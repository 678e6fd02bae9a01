import { describe, expect, it } from "vitest";
import { makeArticle } from "@/lib/content/article.fixture";
import { findNewsletter } from "@/lib/config/site";
import { briefText, composeBrief, storiesInWindow, UNSUBSCRIBE_PLACEHOLDER } from "./brief";
import { renderBriefHtml } from "./email/render";

const morning = findNewsletter("morning-brief");
const breaking = findNewsletter("breaking-news");
const window = {
  start: new Date("2026-11-28T10:00:00Z"),
  end: new Date("2026-11-28T22:00:00Z"),
  date: "2026-11-29",
};

const withPoints = makeArticle({
  slug: "with-points",
  title: "Ports reopen <after> the storm & floods",
  published: "2026-11-28T20:00:00Z",
  summary: ["First point.", "Second point.", "Third point."],
});
const noPoints = makeArticle({
  slug: "no-points",
  title: "A briefing",
  standfirst: "Only a standfirst here.",
  published: "2026-11-28T12:00:00Z",
  summary: undefined,
});
const outside = makeArticle({ slug: "outside", published: "2026-11-28T09:59:59Z" });

describe("the brief", () => {
  if (!morning || !breaking) throw new Error("the site config lists morning-brief and breaking-news");

  it("carries the stories published in its window, newest first", () => {
    expect(storiesInWindow([withPoints, noPoints, outside], window).map((a) => a.slug)).toEqual([
      "with-points",
      "no-points",
    ]);
  });

  it("renders HTML with absolute links, each story's bullets or standfirst, photo and FAST link", async () => {
    const brief = composeBrief(morning, { key: "morning-brief/2026-11-29", window }, [withPoints, noPoints]);
    const html = await renderBriefHtml(brief);
    const hrefs = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(hrefs.length).toBeGreaterThan(5);
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
    expect(html).toContain("<li");
    expect(html).toContain("Second point.");
    expect(html).toContain("Only a standfirst here.");
    expect(html).toContain("Ports reopen &lt;after&gt; the storm &amp; floods");
    expect(html).toContain("/fast/with-points");
    expect(html).not.toContain("/fast/no-points");
    expect(html).toContain("/_next/image?url=");
    expect(html).toContain("/newsletter/archive/morning-brief/2026-11-29");
    expect(html).toContain(UNSUBSCRIBE_PLACEHOLDER);
    expect(brief.subject).toBe("Morning Brief: Ports reopen <after> the storm & floods and 1 more");
  });

  it("has a plain-text part with every story and link", () => {
    const text = briefText(
      composeBrief(morning, { key: "morning-brief/2026-11-29", window }, [withPoints, noPoints]),
    );
    expect(text).toContain("- Second point.");
    expect(text).toContain("Only a standfirst here.");
    expect(text).toMatch(/Read the full story: https?:\/\/\S+\/world\/with-points/);
    expect(text).toMatch(/Read on FAST: https?:\/\/\S+\/fast\/with-points/);
    expect(text).toContain(`Unsubscribe: ${UNSUBSCRIBE_PLACEHOLDER}`);
  });

  it("makes a breaking alert of one story", () => {
    const alert = composeBrief(breaking, { key: "breaking-news/with-points", window }, [withPoints]);
    expect(alert.subject).toBe("Breaking: Ports reopen <after> the storm & floods");
    expect(alert.stories).toHaveLength(1);
  });
});
