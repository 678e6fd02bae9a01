import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach } from "vitest";
import { SearchIndex } from "./engine";

/**
 * Search indexes for a test file: each in a file of its own, as the server keeps it (a worker thread
 * writes it), all closed and their folder removed after each test.
 */
export function testIndexes(sections: readonly string[]) {
  const open: SearchIndex[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), "dispatch-search-test-"));
  let files = 0;
  afterEach(async () => {
    await Promise.all(open.splice(0).map((i) => i.close()));
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    /** A folder for the test's own files, made again after each test's clean-up. */
    folder(): string {
      mkdirSync(dir, { recursive: true });
      return dir;
    },
    /** A new, empty index; `workerFile` replaces its writer thread's script. */
    newIndex(workerFile?: string): SearchIndex {
      mkdirSync(dir, { recursive: true });
      const index = new SearchIndex(sections, path.join(dir, `index-${files++}.sqlite`), workerFile);
      open.push(index);
      return index;
    },
  };
}
