import { describe, expect, it } from "vitest";
import { findNewsletter } from "@/lib/config/site";
import { makeArticle } from "@/lib/content/article.fixture";
import { archiveView, issueSlugs } from "./archive";
import { briefText, composeBrief } from "./brief";
import { renderBriefHtml } from "./email/render";

const morning = findNewsletter("morning-brief");
const window = { start: new Date("2026-11-28T10:00:00Z"), end: new Date("2026-11-28T22:00:00Z") };
const first = makeArticle({ slug: "ports-reopen", title: "Ports reopen", summary: undefined });
const second = makeArticle({ slug: "storm-passes", title: "Storm passes" });

describe("the archive of a sent issue", () => {
  if (!morning) throw new Error("the site config lists morning-brief");
  const brief = composeBrief(morning, { key: "morning-brief/2026-11-29", window }, [first, second]);

  it("names the stories an issue carried, in order, from its stored plain text", () => {
    expect(issueSlugs(briefText(brief))).toEqual(["ports-reopen", "storm-passes"]);
    // Whatever host the site had when it was sent.
    expect(issueSlugs("Read the full story: https://old.example/world/a-story\n")).toEqual(["a-story"]);
    expect(issueSlugs("Nothing here.\nRead the full story: not a url\n")).toEqual([]);
  });

  it("is as mailed while every story is public, without the withdrawn ones, or withdrawn when none is left", () => {
    expect(archiveView(["ports-reopen", "storm-passes"], [first, second])).toEqual({ kind: "as-mailed" });
    expect(archiveView(["ports-reopen", "storm-passes"], [first, undefined])).toEqual({
      kind: "reduced",
      stories: [first],
      withdrawn: 1,
    });
    expect(archiveView(["ports-reopen", "storm-passes"], [undefined, undefined])).toEqual({
      kind: "withdrawn",
    });
    // An issue whose stories cannot be named shows nothing rather than something unchecked.
    expect(archiveView([], [])).toEqual({ kind: "withdrawn" });
  });

  it("says how many stories a reduced issue left out, and carries nothing of them", async () => {
    const reduced = composeBrief(morning, { key: brief.key, window }, [second]);
    const html = await renderBriefHtml({ ...reduced, withdrawn: 1 });
    expect(html).toContain("1 story in this issue is");
    expect(html).toContain("Storm passes");
    expect(html).not.toContain("Ports reopen");
    expect(html).not.toContain("ports-reopen");
    expect(await renderBriefHtml({ ...reduced, withdrawn: 2 })).toContain("2 stories in this issue are");
  });
});
