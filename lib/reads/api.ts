/**
 * Most read: the door for the beacon route, the pages and the server's start-up. A beacon is decided
 * in memory (counter.ts) and answered at once; counted reads reach the database in one batch every
 * FLUSH_MS (and at shutdown), so a read costs no database write of its own. The ranking is worked out
 * at most once a minute and kept, so no read and no page render waits on it.
 */
import { randomBytes } from "node:crypto";
import { env, nextRuntime } from "@/lib/config/env";
import { getDb } from "@/lib/db/database";
import { processSingleton } from "@/lib/runtime/singleton";
import { addressHash, hourOf, ReadCounter, type BeaconVerdict } from "./counter";
import { markRankingMoved } from "./moved";
import { addReads, purgeReads, topReads } from "./store";

/** Counted reads wait at most this long in memory before they are written. */
const FLUSH_MS = 2_000;
/** "Most read" covers this many hours. */
const WINDOW_HOURS = 24;
/** Hourly counts are kept this long, then purged. */
const KEEP_HOURS = 7 * 24;
/** Stories kept in the ranking: more than a list shows, so stories that stop being public leave room. */
const RANKED = 50;
const HOUR_MS = 3_600_000;

export type Ranked = { story: string; reads: number };
export type BeaconResult = BeaconVerdict | "unknown";

type State = {
  counter: ReadCounter;
  salt: string;
  writing?: Promise<void>;
  ranking: { at: number; list: Ranked[] };
  ranking$?: Promise<Ranked[]>;
  purged: string;
  timers: NodeJS.Timeout[];
};

function state(): State {
  return processSingleton<State>("reads.state", () => ({
    counter: new ReadCounter({ perMinute: 60 }),
    // The addresses' hashes live in this process's memory only; a new process, a new salt.
    salt: randomBytes(16).toString("hex"),
    ranking: { at: 0, list: [] },
    purged: "",
    timers: [],
  }));
}

/**
 * One beacon for a story readers may see (`known`: the caller checked it is public). Never waits on
 * the database.
 */
export function recordBeacon(
  slug: string,
  known: boolean,
  address: string,
  userAgent: string,
  now = Date.now(),
): BeaconResult {
  const s = state();
  return known ? s.counter.accept(slug, addressHash(address, s.salt), userAgent, now) : "unknown";
}

/** Writes the counted reads waiting in memory; one write at a time. A failed write keeps them. */
export async function flushReads(): Promise<void> {
  const s = state();
  while (s.writing) await s.writing;
  const rows = s.counter.take();
  if (rows.length === 0) return;
  s.writing = (async () => {
    try {
      await addReads(await getDb(), rows);
    } catch (error) {
      s.counter.giveBack(rows);
      console.error(
        `reads: ${rows.length} hourly count(s) not written, kept for the next try:`,
        String(error),
      );
    } finally {
      s.writing = undefined;
    }
  })();
  await s.writing;
}

/**
 * The most read stories of the last 24 hours, most first, as worked out at most MOST_READ_REFRESH_MS ago;
 * the caller keeps those readers may see now. Never throws: a database outage keeps the last list.
 */
export async function mostRead(now = Date.now()): Promise<Ranked[]> {
  // A build renders home and /most-read with no ranking: it never opens the database (the server's
  // first refresh renders them again with one).
  if (nextRuntime.building) return [];
  const s = state();
  if (now - s.ranking.at < env.mostReadRefreshMs) return s.ranking.list;
  s.ranking$ ??= (async () => {
    try {
      const db = await getDb();
      const list = await topReads(db, hourOf(now - (WINDOW_HOURS - 1) * HOUR_MS), RANKED);
      s.ranking = { at: now, list };
      const oldest = hourOf(now - KEEP_HOURS * HOUR_MS);
      if (oldest !== s.purged) {
        s.purged = oldest;
        await purgeReads(db, oldest);
      }
    } catch (error) {
      // Tried again in a minute, not on every page meanwhile.
      s.ranking = { at: now, list: s.ranking.list };
      console.error("reads: most read could not be worked out:", String(error));
    } finally {
      s.ranking$ = undefined;
    }
    return s.ranking.list;
  })();
  return s.ranking$;
}

/**
 * A serving process's timers: the batch writes, and the ranking once every MOST_READ_REFRESH_MS.
 * `onRanking` is told when the order of the first `watched` stories changed (the pages show ten;
 * a few more cover stories among them that are not public), to refresh the pages that show it.
 * Writing what waits at shutdown is the caller's (flushReads).
 */
export function startReads(onRanking: () => void, watched = 15): void {
  const s = state();
  for (const t of s.timers) clearInterval(t);
  let last = "";
  const flush = setInterval(() => void flushReads(), FLUSH_MS);
  const rank = setInterval(() => {
    void mostRead().then((list) => {
      const order = list
        .slice(0, watched)
        .map((r) => r.story)
        .join(" ");
      if (order !== last) {
        last = order;
        markRankingMoved();
        onRanking();
      }
    });
  }, env.mostReadRefreshMs);
  s.timers = [flush, rank];
  for (const t of s.timers) t.unref();
}
