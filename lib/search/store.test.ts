import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { indexFile } from "./store";

const made: string[] = [];
afterEach(() => made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function tmp(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "search-store-test-"));
  made.push(dir);
  return dir;
}

describe("indexFile", () => {
  it("makes a folder of its own with this process's pid", () => {
    const file = indexFile(tmp());
    expect(readFileSync(path.join(path.dirname(file), "pid"), "utf8")).toBe(String(process.pid));
  });

  // A bench once kept its content in a folder whose name began like the index's: it was deleted.
  it("removes only its own folders whose process is gone, never anything else", () => {
    const root = tmp();
    const dead = path.join(root, "dispatch-search-index-dead");
    const live = path.join(root, "dispatch-search-index-live");
    const nopid = path.join(root, "dispatch-search-index-nopid");
    const other = path.join(root, "dispatch-search-bench-content");
    for (const d of [dead, live, nopid, other]) mkdirSync(d);
    // An hour old, as the bench's content folder was when a server started beside it.
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const d of [dead, live, nopid, other]) utimesSync(d, hourAgo, hourAgo);
    writeFileSync(path.join(dead, "pid"), "999999999");
    writeFileSync(path.join(live, "pid"), String(process.pid));
    indexFile(root);
    expect([dead, live, nopid, other].map((d) => existsSync(d))).toEqual([false, true, true, true]);
  });
});
