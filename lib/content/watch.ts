/**
 * Keeps a running server's content current: file events (debounced, so an editor's burst of saves
 * or a sync tool's batch is one change), a periodic rescan as a safety net where events are not
 * delivered (network file systems), and a timer for the next scheduled story, so an embargo lifts by
 * itself at its time. Each change that readers can see calls `onChange` once.
 */
import path from "node:path";
import { applyChanges, findChanges, type ChangedPath, type LiveContent } from "./live";
import { nextPublicationTime } from "./public";
import { watchTree } from "./watch-tree";

export type WatchOptions = {
  /** Called after the index changed, or when a scheduled story's time came. */
  onChange: (reason: string) => Promise<void> | void;
  /** A file under a folder's fronts/ changed (the editors' fronts are not stories: lib/fronts). */
  onFront?: (file: string) => void;
  /** A story's file event, as it comes (before the debounce and the re-read): work is on its way. */
  onEvent?: () => void;
  debounceMs?: number;
  /** Full rescan interval; 0 turns it off. */
  rescanMs?: number;
  log?: (line: string) => void;
  now?: () => number;
};

export type ContentWatcher = {
  /** Settles once every folder present at the start is watched (lib/content/watch-tree.ts). */
  ready: Promise<void>;
  close: () => void;
  /** Waits for queued work (tests). */ idle: () => Promise<void>;
};

/**
 * The longest the embargo timer waits at once (an hour): a far-off embargo is re-armed in steps, so a
 * clock change or a sleeping machine delays it by an hour at most. (Node timers could wait ~24.8 days.)
 */
const MAX_TIMER_MS = 60 * 60 * 1000;

export function watchContent(live: LiveContent, options: WatchOptions): ContentWatcher {
  const { onChange, debounceMs = 150, rescanMs = 60_000, log = console.error, now = Date.now } = options;
  let queued: ChangedPath[] = [];
  let debounce: NodeJS.Timeout | undefined;
  let scheduled: NodeJS.Timeout | undefined;
  // One piece of work at a time, in order: a rescan never races a batch of events.
  let chain: Promise<void> = Promise.resolve();
  const run = (work: () => Promise<void>) => {
    chain = chain.then(work).catch((error: unknown) => log(`content: update failed: ${String(error)}`));
    return chain;
  };

  const changed = async (reason: string) => {
    armSchedule();
    await onChange(reason);
  };

  const flush = () => {
    debounce = undefined;
    const batch = queued;
    queued = [];
    void run(async () => {
      const report = await applyChanges(live, batch, log);
      if (report.changed) await changed(`${batch.length} file event(s)`);
    });
  };

  const trees = live.dirs.map((dir) =>
    watchTree(
      dir,
      (file) => {
        // The folder itself too: created (its first front) or renamed into place whole.
        if (file === "fronts" || file.startsWith("fronts/")) {
          options.onFront?.(file);
          return;
        }
        queued.push({ dir, file });
        if (isContentFile(file)) options.onEvent?.();
        if (debounce) clearTimeout(debounce);
        debounce = setTimeout(flush, debounceMs);
      },
      log,
    ),
  );

  // The rescan's stat of every file runs beside the chain; only its re-reads wait their turn.
  let scanning = false;
  const rescanTimer =
    rescanMs > 0
      ? setInterval(() => {
          if (scanning) return;
          scanning = true;
          void findChanges(live, log)
            .then((found) =>
              found.length === 0
                ? undefined
                : run(async () => {
                    const report = await applyChanges(live, found, log);
                    if (report.changed) await changed("rescan");
                  }),
            )
            .catch((error: unknown) => log(`content: rescan failed: ${String(error)}`))
            .finally(() => (scanning = false));
        }, rescanMs)
      : undefined;
  rescanTimer?.unref();

  function armSchedule() {
    if (scheduled) clearTimeout(scheduled);
    scheduled = undefined;
    const at = nextPublicationTime(live.index.articles, now());
    if (at === undefined) return;
    const wait = Math.min(Math.max(at - now(), 0) + 50, MAX_TIMER_MS);
    scheduled = setTimeout(() => {
      if (now() >= at) void run(() => changed("scheduled story due"));
      else armSchedule();
    }, wait);
    scheduled.unref();
  }
  armSchedule();

  return {
    ready: Promise.all(trees.map((t) => t.ready)).then(() => undefined),
    close() {
      for (const t of trees) t.close();
      if (debounce) clearTimeout(debounce);
      if (rescanTimer) clearInterval(rescanTimer);
      if (scheduled) clearTimeout(scheduled);
    },
    async idle() {
      while (debounce || queued.length > 0) await new Promise((r) => setTimeout(r, debounceMs));
      await chain;
    },
  };
}

/**
 * A story's or a photo's file, or a folder (a story's, renamed into place whole), as editors publish
 * them: not an editor's swap or backup file, nor a temporary file before its rename (whose rename
 * is the event).
 */
function isContentFile(file: string): boolean {
  const name = path.basename(file);
  return !name.startsWith(".") && (!name.includes(".") || /\.(md|jpe?g|png|webp|avif)$/i.test(name));
}
