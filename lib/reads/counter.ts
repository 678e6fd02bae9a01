/**
 * Which beacons count as reads, in memory, before they reach the database in batches (store.ts).
 *
 * - Well-known bots, crawlers, link previewers and headless browsers are not counted (by user agent).
 * - Each client address (as a hash: the address itself is never kept) may send `perMinute` beacons a
 *   minute; past that they are refused.
 * - A story counts once per address per hour: a flood from one address, or a reader reloading, moves
 *   it by one. Readers behind one shared address (an office, a mobile carrier) count once between
 *   them per story per hour; the list is a ranking, and that is the price of not tracking readers.
 */
import { createHash } from "node:crypto";

export type BeaconVerdict = "counted" | "repeat" | "bot" | "limited";

/**
 * User agents that are not readers: crawlers, previewers, monitors, scripts, headless browsers.
 * (`(?<!cu)bot`: CUBOT is a phone maker.)
 */
const BOTS =
  /(?<!cu)bot\b|bot\/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|lighthouse|pagespeed|headless|phantomjs|puppeteer|playwright|curl\/|wget\/|python|java\/|go-http-client|okhttp|node-fetch|undici|axios|libwww|httpclient|feed|google-(?:inspectiontool|read-aloud|site-verification)|mediapartners-google|ptst\/|prerender|yeti\/|qwantify|^$/i;

export function isBot(userAgent: string): boolean {
  return BOTS.test(userAgent.trim());
}

/** The hour a time falls in, UTC, as stored: "2026-12-04T09". */
export function hourOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 13);
}

/** A short, salted hash of a client address: enough to tell addresses apart, not to recover one. */
export function addressHash(address: string, salt: string): string {
  return createHash("sha256").update(`${salt}:${address}`).digest("base64url").slice(0, 16);
}

export type CounterOptions = {
  /** Beacons one address may send a minute. */
  perMinute: number;
  /**
   * Bits of the hour's "seen" filter (a power of two). The (address, story) pairs of an hour are kept
   * in a Bloom filter of this fixed size, never in a set that grows with traffic: 2^26 bits (8 MiB)
   * hold ~7 million pairs (two hours at 1,000 reads a second) with ~1 % taken for repeats, so memory
   * stays flat and counting never stops. A pair taken for a repeat is a read not counted, never one
   * counted twice.
   */
  filterBits?: number;
};

/** Hash functions of the filter (~1 % false repeats at about 7 million pairs in 2^26 bits). */
const HASHES = 7;

/** Bits for (address, story) pairs: set and tested, never cleared except all at once. */
class SeenFilter {
  private readonly bits: Uint32Array;
  private readonly mask: number;

  constructor(size: number) {
    this.bits = new Uint32Array(size >>> 5);
    this.mask = size - 1;
  }

  /** Adds the pair; true if it was (probably) there already. */
  testAndAdd(pair: string): boolean {
    const digest = createHash("sha1").update(pair).digest();
    const h1 = digest.readUInt32LE(0);
    const h2 = digest.readUInt32LE(4) | 1;
    let present = true;
    for (let i = 0; i < HASHES; i++) {
      const bit = (h1 + Math.imul(i, h2)) & this.mask;
      const word = bit >>> 5;
      const flag = 1 << (bit & 31);
      if (((this.bits[word] ?? 0) & flag) === 0) {
        present = false;
        this.bits[word] = (this.bits[word] ?? 0) | flag;
      }
    }
    return present;
  }

  clear(): void {
    this.bits.fill(0);
  }
}

export class ReadCounter {
  private hour = "";
  private readonly seen: SeenFilter;
  private minute = -1;
  private perAddress = new Map<string, number>();
  /** Reads counted and not yet written: "story\thour" → count. */
  private pending = new Map<string, number>();

  constructor(private readonly options: CounterOptions) {
    const bits = options.filterBits ?? 2 ** 26;
    if (bits < 32 || (bits & (bits - 1)) !== 0)
      throw new Error("filterBits must be a power of two, 32 or more");
    this.seen = new SeenFilter(bits);
  }

  /** Decides one beacon for a public story `slug`; a counted one waits in `take()`. */
  accept(slug: string, address: string, userAgent: string, now: number): BeaconVerdict {
    if (isBot(userAgent)) return "bot";
    const minute = Math.floor(now / 60_000);
    if (minute !== this.minute) {
      this.minute = minute;
      this.perAddress.clear();
    }
    const sent = (this.perAddress.get(address) ?? 0) + 1;
    this.perAddress.set(address, sent);
    if (sent > this.options.perMinute) return "limited";
    const hour = hourOf(now);
    if (hour !== this.hour) {
      this.hour = hour;
      this.seen.clear();
    }
    if (this.seen.testAndAdd(`${address}\t${slug}`)) return "repeat";
    const key = `${slug}\t${hour}`;
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    return "counted";
  }

  /** The counted reads not yet written, and forgets them (the caller writes or gives them back). */
  take(): { story: string; hour: string; count: number }[] {
    const rows = [...this.pending].map(([key, count]) => {
      const [story = "", hour = ""] = key.split("\t");
      return { story, hour, count };
    });
    this.pending.clear();
    return rows;
  }

  /** Reads that could not be written: kept for the next write, added to any counted since. */
  giveBack(rows: readonly { story: string; hour: string; count: number }[]): void {
    for (const r of rows) {
      const key = `${r.story}\t${r.hour}`;
      this.pending.set(key, (this.pending.get(key) ?? 0) + r.count);
    }
  }

  /** Counted reads waiting to be written. */
  get waiting(): number {
    let n = 0;
    for (const c of this.pending.values()) n += c;
    return n;
  }
}
