import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * A build over a folder of broken files fails, lists every problem with its file and field, and
 * leaves no deployable build behind (no BUILD_ID: `next start` refuses it).
 */
describe("next build over broken content", () => {
  it("fails with every problem listed and publishes nothing", () => {
    const content = mkdtempSync(path.join(os.tmpdir(), "dispatch-broken-"));
    // Next.js wants its build folder inside the project; .next-* is git-ignored.
    const dist = ".next-faults";
    mkdirSync(path.join(content, "images"));
    copyFileSync(path.resolve("content/images/dea-fentanyl-lab.jpg"), path.join(content, "images/a.jpg"));
    const good = (title: string, extra = "") =>
      `---\ntitle: ${title}\nstandfirst: S.\nsection: world\npublished: "2026-01-16T07:41:00+08:00"\nsource: X\nhero:\n  src: images/a.jpg\n  alt: A\n  caption: C.\n  credit: D\n${extra}---\n\nBody.\n`;
    writeFileSync(path.join(content, "bad-yaml.md"), "---\ntitle: [oops\n---\nBody");
    writeFileSync(path.join(content, "wrong-type.md"), good("T").replace("section: world", "section: 42"));
    writeFileSync(path.join(content, "typo.md"), good("T").replace("standfirst:", "standfrist:"));
    writeFileSync(path.join(content, "no-image.md"), good("T").replace("images/a.jpg", "images/gone.jpg"));
    mkdirSync(path.join(content, "asia"));
    writeFileSync(path.join(content, "dup.md"), good("Dup"));
    writeFileSync(path.join(content, "asia/dup.md"), good("Dup again"));
    writeFileSync(path.join(content, "huge.md"), good("H") + "x".repeat(1_100_000));
    writeFileSync(path.join(content, "binary.md"), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0xff]));

    let build;
    try {
      build = spawnSync("npx", ["next", "build"], {
        env: { ...process.env, CONTENT_DIR: content, NEXT_DIST_DIR: dist, NEXT_TELEMETRY_DISABLED: "1" },
        encoding: "utf8",
        timeout: 240_000,
      });
      expect(existsSync(path.join(dist, "BUILD_ID"))).toBe(false);
    } finally {
      // Its stale type stubs would otherwise be type-checked by the next build.
      rmSync(dist, { recursive: true, force: true });
    }
    const output = `${build.stdout}\n${build.stderr}`;
    expect(build.status).not.toBe(0);
    for (const expected of [
      "bad-yaml.md: front matter is not valid YAML",
      "wrong-type.md: section: must be one of: world",
      "typo.md: standfirst: is required",
      'typo.md: standfrist: is not a known field (did you mean "standfirst"?)',
      "no-image.md: hero.src: image file not found: images/gone.jpg",
      'has the same slug "dup"',
      "huge.md: is ",
      "binary.md: is not a UTF-8 text file",
    ]) {
      expect(output).toContain(expected);
    }
  }, 300_000);
});
