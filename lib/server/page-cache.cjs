"use strict";
/**
 * The page cache (Next.js's `cacheHandler`): the stock file-system cache with two rules it lacks.
 *
 * 1. A 404 is answered, never written to disk. Stories render on their first request and are then
 *    kept, so every unknown `/world/x`, `/fast/x`, `/topic/x` or `/media/a/b` used to leave a page
 *    on disk: anyone could fill it. A 404 is kept in the in-memory cache only (bounded by
 *    `cacheMaxMemorySize`), and any earlier copy of that URL on disk is removed, so a story that
 *    has been taken down is not served from disk again after a restart.
 * 2. What this process writes to disk is bounded: past PAGE_CACHE_MAX_MB (default 1024), the pages
 *    written longest ago are removed. A removed page renders again on its next request.
 *
 * CommonJS because Next.js loads it with require() at start-up, outside the app's bundles. It
 * extends an internal class of the pinned Next.js version; page-cache.test.ts checks the parts of
 * it this relies on.
 */
const fs = require("node:fs");
const fsp = require("node:fs/promises");
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache").default;

const MIB = 1024 * 1024;
const DEFAULT_MAX_MB = 1024;
/** Response kinds that are pages or route responses (not fetch data, not images). */
const PAGE_KINDS = new Set(["APP_PAGE", "APP_ROUTE", "PAGES"]);
const SUFFIXES = [".html", ".rsc", ".meta", ".body", ".json", ".segments"];

/** PAGE_CACHE_MAX_MB as bytes; a value that is not a number ≥ 1 fails loudly at start-up. */
function maxBytesFrom(value) {
  if (value === undefined || value === "") return DEFAULT_MAX_MB * MIB;
  const mb = Number(value);
  if (!Number.isFinite(mb) || mb < 1) {
    throw new Error(`PAGE_CACHE_MAX_MB must be a number of megabytes ≥ 1 (got "${value}")`);
  }
  return Math.floor(mb * MIB);
}

function bytesOf(value) {
  if (!value) return 0;
  if (typeof value === "string") return Buffer.byteLength(value);
  if (typeof value.length === "number") return value.length;
  return 0;
}

/** Roughly what set() writes to disk for an entry, as Next's own memory cache counts it. */
function entryBytes(data) {
  let size = bytesOf(data.html) + bytesOf(data.rscData) + bytesOf(data.body);
  if (data.segmentData)
    for (const [segmentPath, buffer] of data.segmentData) size += segmentPath.length + bytesOf(buffer);
  if (data.pageData) size += JSON.stringify(data.pageData).length;
  return Math.max(1, size) + 512; // + the .meta file
}

/** Written entries of this process, oldest first: key → { kind, bytes }. One ledger per dist dir. */
const ledgers = new Map();

class PageCache extends FileSystemCache {
  constructor(ctx) {
    super(ctx);
    this.maxBytes = maxBytesFrom(process.env.PAGE_CACHE_MAX_MB);
    const id = ctx.serverDistDir ?? "";
    if (!ledgers.has(id)) ledgers.set(id, { entries: new Map(), bytes: 0 });
    this.ledger = ledgers.get(id);
  }

  async set(key, data, ctx) {
    if (data && PAGE_KINDS.has(data.kind) && typeof data.status === "number" && data.status >= 400) {
      // Memory only: the stock set() stops before the disk when flushToDisk is off, and reads it
      // synchronously, so it is switched off just for this call.
      const flushToDisk = this.flushToDisk;
      this.flushToDisk = false;
      let pending;
      try {
        pending = super.set(key, data, ctx);
      } finally {
        this.flushToDisk = flushToDisk;
      }
      await pending;
      if (flushToDisk) await this.removeFromDisk(key, data.kind);
      return;
    }
    await super.set(key, data, ctx);
    if (this.flushToDisk && data && PAGE_KINDS.has(data.kind)) {
      this.record(key, data.kind, entryBytes(data));
      await this.evict();
    }
  }

  record(key, kind, bytes) {
    const { entries } = this.ledger;
    const before = entries.get(key);
    if (before) {
      this.ledger.bytes -= before.bytes;
      entries.delete(key);
    }
    entries.set(key, { kind, bytes });
    this.ledger.bytes += bytes;
  }

  async evict() {
    const { entries } = this.ledger;
    while (this.ledger.bytes > this.maxBytes && entries.size > 1) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      await this.removeFromDisk(oldest, entries.get(oldest)?.kind);
    }
  }

  /** Removes every file Next keeps for `key` (its page, data, segments and metadata). */
  async removeFromDisk(key, kind) {
    const found = this.ledger.entries.get(key);
    if (found) {
      this.ledger.bytes -= found.bytes;
      this.ledger.entries.delete(key);
    }
    const base = this.getFilePath(
      key,
      kind === "PAGES" ? "PAGES" : kind === "APP_ROUTE" ? "APP_ROUTE" : "APP_PAGE",
    );
    // Most 404s were never on disk: one stat, not six removals, for each of a crawler's bad links.
    if (!found && !fs.existsSync(`${base}.meta`)) return;
    await Promise.all(SUFFIXES.map((suffix) => fsp.rm(`${base}${suffix}`, { recursive: true, force: true })));
  }
}

/** Exposed for tests: how PAGE_CACHE_MAX_MB is read. */
PageCache.maxBytesFrom = maxBytesFrom;

module.exports = PageCache;
