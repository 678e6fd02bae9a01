/**
 * Watches a folder tree with one plain (non-recursive) `fs.watch` per folder. A folder's watch
 * reports every entry created, renamed in or out, written or deleted in it, whatever file (inode)
 * the entry is at the time, so a story saved by renaming a temporary file over it any number of times
 * and then deleted is still reported. Node 20's `recursive: true` on Linux is emulated in JavaScript
 * with a watch on every file as well: a file renamed over twice and then deleted gave no event, and at
 * 100k story folders it took 420 MiB and blocked the event loop for 6.5 s at start
 * (docs/BENCHMARKS.md, "Watching content").
 *
 * Links to folders are not followed (lib/content/inside.ts: only files inside the folders count).
 */
import { promises as fs, watch, type FSWatcher } from "node:fs";
import path from "node:path";

export type TreeWatcher = {
  /** Settles once every folder present at the start is watched. */
  ready: Promise<void>;
  close: () => void;
};

/** `ino` is known for folders an event named; a folder found by a walk is looked at again when named. */
type Watched = { watcher: FSWatcher; ino?: number; subfolders?: Set<string>; placed: number };

/** Folders read at once while walking, and watches placed between two yields to the event loop. */
const WALKERS = 8;
const SLICE = 64;

/**
 * Calls `onPath` with the path (relative to `root`, `/`-separated) of each entry an event names. A
 * new folder is named a second time once it is watched itself, so a reader of the folder then misses
 * nothing written into it before its watch began.
 */
export function watchTree(
  root: string,
  onPath: (file: string) => void,
  log: (line: string) => void,
): TreeWatcher {
  const watched = new Map<string, Watched>();
  /** Counts watches placed, so a look can tell a watch placed after it began from one it saw. */
  let placements = 0;
  let closed = false;
  let refused = false;

  const join = (folder: string, name: string) => (folder === "" ? name : `${folder}/${name}`);

  const drop = (folder: string) => {
    const w = watched.get(folder);
    if (!w) return;
    watched.delete(folder);
    w.watcher.close();
    for (const sub of w.subfolders ?? []) drop(sub);
    watched.get(parentOf(folder))?.subfolders?.delete(folder);
  };

  /** Places a watch on one folder known to be a folder; undefined if it cannot be watched. */
  const place = (folder: string, ino?: number): Watched | undefined => {
    const full = path.join(root, folder);
    let watcher: FSWatcher;
    try {
      watcher = watch(full, (_event, name) => {
        if (name) changed(join(folder, name.toString()));
      });
    } catch (error) {
      if (!refused) {
        refused = true;
        log(
          `content: cannot watch ${full} (${String(error)}); changes in folders not watched are found by the ` +
            `rescan (on Linux, raise fs.inotify.max_user_watches: one watch per folder)`,
        );
      }
      return undefined;
    }
    // Only this watch: a folder deleted and made again has a new watch by the time the old one ends.
    watcher.on("error", () => {
      if (watched.get(folder)?.watcher === watcher) drop(folder);
    });
    placements += 1;
    const w: Watched = { watcher, ino, placed: placements };
    watched.set(folder, w);
    const parent = watched.get(parentOf(folder));
    if (parent && folder !== "") (parent.subfolders ??= new Set()).add(folder);
    return w;
  };

  /**
   * Watches `folder` and every folder under it, a few folders at a time: at 100k story folders,
   * walking them all at once took 800 MiB and stalled the event loop for seconds. True if a watch
   * was placed on `folder` itself.
   */
  const add = async (folder: string): Promise<boolean> => {
    if (closed) return false;
    const began = placements;
    // The root itself may be a link (a deploy's content -> releases/42); links below it are not followed.
    const full = path.join(root, folder);
    const stat = await (folder === "" ? fs.stat(full) : fs.lstat(full)).catch(() => undefined);
    const known = watched.get(folder);
    if (known && stat?.isDirectory() && stat.ino === known.ino) return false;
    // Watched since this look's stat began (a walk from a parent folder made again): the stat may be
    // older than that watch, so it decides nothing.
    if (known && known.placed > began) return false;
    // Gone, no longer a folder, or (its inode unknown or different) perhaps another folder renamed in.
    if (known) drop(folder);
    if (!stat?.isDirectory() || closed || !place(folder, stat.ino)) return false;
    // Folders to read; each read's subfolders are watched in slices, with a yield between slices
    // (placing 10k watches in one go held the event loop for half a second).
    const queue = [folder];
    const read = async (next: string) => {
      const entries = await fs.readdir(path.join(root, next), { withFileTypes: true }).catch(() => []);
      for (let i = 0; i < entries.length && !closed; i += SLICE) {
        if (i > 0) await new Promise((r) => setImmediate(r));
        for (const e of entries.slice(i, i + SLICE)) {
          const sub = join(next, e.name);
          if (e.isDirectory() && !watched.has(sub) && place(sub)) queue.push(sub);
        }
      }
    };
    let active = 0;
    await new Promise<void>((resolve) => {
      const pump = () => {
        for (let next = queue.pop(); next !== undefined && !closed; next = queue.pop()) {
          active += 1;
          void read(next).finally(() => {
            active -= 1;
            pump();
          });
          if (active >= WALKERS) return;
        }
        if (active === 0) resolve();
      };
      pump();
    });
    return true;
  };

  /**
   * One look at a path at a time, in the order its events came: a folder deleted and made again at
   * once gives two events, and the first look's stat (the folder gone) must not land after the
   * second look has watched the new folder, or it would drop the new watch.
   */
  const looks = new Map<string, Promise<boolean>>();
  const look = (file: string): Promise<boolean> => {
    const next = (looks.get(file) ?? Promise.resolve(false)).catch(() => false).then(() => add(file));
    looks.set(file, next);
    const forget = () => {
      if (looks.get(file) === next) looks.delete(file);
    };
    next.then(forget, forget);
    return next;
  };

  const changed = (file: string) => {
    onPath(file);
    // The entry may be a folder that appeared, vanished or was replaced: keep the watches in step.
    void look(file).then(
      (placed) => placed && onPath(file),
      (error: unknown) => log(`content: watching ${file} failed: ${String(error)}`),
    );
  };

  const ready = add("").then(() => undefined);
  return {
    ready,
    close() {
      closed = true;
      for (const w of watched.values()) w.watcher.close();
      watched.clear();
    },
  };
}

function parentOf(folder: string): string {
  const slash = folder.lastIndexOf("/");
  return slash < 0 ? "" : folder.slice(0, slash);
}
