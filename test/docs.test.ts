import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * What docs/DEPLOY.md (for operators) and docs/CONTENT.md (for editors) both say must be the same
 * thing: they once gave two publish delays (≤ ~12 s and ~15 s) and two trigger commands (one of them
 * reaching a single instance through nginx).
 */
const deploy = readFileSync("docs/DEPLOY.md", "utf8");
const content = readFileSync("docs/CONTENT.md", "utf8");

describe("docs/DEPLOY.md and docs/CONTENT.md agree", () => {
  it("on the publish delay behind nginx: one figure", () => {
    const figure = /allow up to (~\d+ s)/;
    const inDeploy = figure.exec(deploy)?.[1];
    expect(inDeploy).toBeDefined();
    expect(figure.exec(content)?.[1]).toBe(inDeploy);
    // And neither gives another one.
    for (const doc of [deploy, content]) expect(doc).not.toMatch(/≤ ~\d+ s|~\d+ seconds/);
  });

  it("on the publish trigger: the same per-instance loop", () => {
    const loop = /```sh\n(for port in [^`]*\/api\/revalidate[^`]*)```/;
    const inDeploy = loop.exec(deploy)?.[1];
    expect(inDeploy).toBeDefined();
    expect(loop.exec(content)?.[1]).toBe(inDeploy);
  });
});

describe("docs/DEPLOY.md's table of settings", () => {
  it("names every variable lib/config/env.ts reads, and no other", () => {
    const schema = readFileSync("lib/config/env.ts", "utf8");
    const read = [...schema.matchAll(/^ {2}([A-Z][A-Z0-9_]+): z\b/gm)].map((m) => m[1]);
    const section = deploy.slice(deploy.indexOf("## Every setting"), deploy.indexOf("Not settings:"));
    const listed = [...section.matchAll(/^\| `([A-Z][A-Z0-9_]+)`/gm)].map((m) => m[1]);
    expect(read.length).toBeGreaterThan(20);
    // PORT is read by `next start` and PAGE_CACHE_MAX_MB by the page cache (lib/server/page-cache.cjs).
    expect(listed.toSorted()).toEqual([...read, "PORT", "PAGE_CACHE_MAX_MB"].toSorted());
  });
});
