/**
 * The rescan's walk (lib/content/stat.ts), in a worker thread: lists every content file and stats
 * it with synchronous calls, which block this thread only. At 100k stories the same walk on the
 * server's thread (async, one promise and one thread-pool job per file) filled libuv's four pool
 * threads, so the pages' own file reads queued behind 100k stats once a minute (issue 26).
 *
 * Plain JavaScript, loaded by path at run time (Next.js does not bundle worker files), so it has no
 * imports of the app's own: the file-name rule is the one in lib/content/load.ts, and a unit test
 * checks both list the same files.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";

/** As `isArticleFileName` in lib/content/load.ts. */
function isArticleFileName(name) {
  return name.toLowerCase().endsWith(".md") && name !== "README.md" && !name.startsWith(".");
}

/**
 * One content folder: its Markdown files (as listMarkdownFiles names them), sizes and times (change
 * times too: the start-up's snapshot, lib/content/snapshot.ts, trusts a file only if neither moved),
 * and which are symbolic links (the snapshot never vouches for one: its target can change).
 */
function walk(dir) {
  let listed;
  try {
    listed = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    return { error: String(error) };
  }
  const found = [];
  for (const e of listed) {
    if (!(e.isFile() || e.isSymbolicLink()) || !isArticleFileName(e.name)) continue;
    const file = path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/");
    // As load.ts's isStoryPath: photos and the editors' fronts are not stories.
    if (!file.startsWith("images/") && !file.startsWith("fronts/"))
      found.push({ file, link: e.isSymbolicLink() });
  }
  found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const files = found.map((f) => f.file);
  const mtimes = new Float64Array(files.length);
  const ctimes = new Float64Array(files.length);
  const sizes = new Float64Array(files.length);
  // Which file it is: a folder renamed moves its files without touching their times.
  const inodes = new Float64Array(files.length);
  const links = Uint8Array.from(found, (f) => (f.link ? 1 : 0));
  files.forEach((file, i) => {
    // Follows links, as the server's own read does. NaN: listed, but gone or unreadable by now.
    const s = statSync(path.join(dir, file), { throwIfNoEntry: false });
    mtimes[i] = s ? s.mtimeMs : NaN;
    ctimes[i] = s ? s.ctimeMs : NaN;
    sizes[i] = s ? s.size : NaN;
    inodes[i] = s ? s.ino : NaN;
  });
  // One string, not 100k: the server's thread takes it in one copy. NUL: the one character no file
  // name can hold (a newline can).
  return { files: files.join("\0"), mtimes, ctimes, sizes, inodes, links };
}

// Far below the server's own thread (on Linux, setpriority on the calling thread touches only that
// thread): when the two cores are short, pages come first and the rescan waits. Nice 19, the lowest: at
// nice 10 the first index build still cost the first minute of pages a third of their throughput
// at 100k stories (bench:scale: 138-178 req/s against 229 steady; at 19: 199-261 against 233).
try {
  setPriority(19);
} catch {
  // Not permitted here: it runs at the server's priority.
}

parentPort?.on("message", ({ id, dirs, images }) => {
  try {
    const lists = dirs.map(walk);
    const imageFiles = images ? images.split("\0") : [];
    const imageTimes = new Float64Array(imageFiles.length);
    const imageCtimes = new Float64Array(imageFiles.length);
    const imageInodes = new Float64Array(imageFiles.length);
    imageFiles.forEach((file, i) => {
      const s = statSync(file, { throwIfNoEntry: false });
      imageTimes[i] = s ? s.mtimeMs : -1;
      imageCtimes[i] = s ? s.ctimeMs : -1;
      imageInodes[i] = s ? s.ino : -1;
    });
    const transfer = [imageTimes.buffer, imageCtimes.buffer, imageInodes.buffer];
    for (const l of lists) {
      if (l.mtimes) {
        transfer.push(l.mtimes.buffer, l.ctimes.buffer, l.sizes.buffer, l.inodes.buffer, l.links.buffer);
      }
    }
    parentPort.postMessage({ id, lists, imageTimes, imageCtimes, imageInodes }, transfer);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});
