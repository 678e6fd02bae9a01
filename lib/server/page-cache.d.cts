/** Types for lib/server/page-cache.cjs (plain JavaScript: Next.js requires it as it is). */
type CacheContext = {
  fs: unknown;
  flushToDisk: boolean;
  serverDistDir: string;
  revalidatedTags: string[];
  maxMemoryCacheSize?: number;
};
declare class PageCache {
  constructor(ctx: CacheContext);
  get(key: string, ctx: { kind: string; isFallback?: boolean }): Promise<{ value: unknown } | null>;
  set(key: string, data: unknown, ctx: Record<string, unknown>): Promise<void>;
}
declare namespace PageCache {
  function maxBytesFrom(value: string | undefined): number;
}
export = PageCache;
