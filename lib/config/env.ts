/**
 * Deployment settings read from the environment, validated once.
 * Every value has an embedded default so a fresh clone serves the site with no configuration.
 */
import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  SITE_URL: z
    .url({
      protocol: /^https?$/,
      error: "SITE_URL must be an absolute http(s) URL, e.g. https://news.example.com",
    })
    .default("http://localhost:3000"),
  SITE_TIME_ZONE: z
    .string()
    .refine(isTimeZone, { error: "SITE_TIME_ZONE must be an IANA time zone such as Asia/Singapore" })
    .default("Asia/Singapore"),
  CONTENT_DIR: z.string().min(1).default("content"),
  DATA_DIR: z.string().min(1).default("data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, {
      error: "DATABASE_URL must be a postgres:// URL (leave it unset for SQLite)",
    })
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { error: "SMTP_URL must be an smtp:// or smtps:// URL" })
    .optional(),
  MAIL_FROM: z.string().min(3).default("Dispatch newsletters <newsletters@localhost>"),
  /** Signup attempts allowed per client IP in ten minutes. */
  SIGNUP_LIMIT_PER_IP: z.coerce.number().int().min(1).default(10),
  /** Proxies in front of the app that append to X-Forwarded-For (nginx, a CDN); 0 when serving directly. */
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(5).default(0),
  /**
   * Connections whose X-Forwarded-For is believed (the proxy's own address as Node sees it): IPs or
   * subnets, comma-separated. Anyone else's header is ignored, so a reader who reaches Node directly
   * cannot choose the address its rate limit counts against.
   */
  TRUSTED_PROXY_ADDRESSES: z
    .string()
    .transform((list) => list.split(",").map((a) => a.trim()))
    .refine((list) => list.every(isAddressOrSubnet), {
      error:
        "TRUSTED_PROXY_ADDRESSES must list IP addresses or subnets, comma-separated, e.g. 127.0.0.1,::1 or 10.0.0.0/8",
    })
    .default(["127.0.0.1", "::1", "::ffff:127.0.0.1"]),
  /** Newest stories prerendered at build time; older ones render on first request. */
  PRERENDER_RECENT: z.coerce
    .number({ error: "PRERENDER_RECENT must be a whole number, e.g. 500" })
    .int({ error: "PRERENDER_RECENT must be a whole number, e.g. 500" })
    .min(0, { error: "PRERENDER_RECENT must be 0 or more" })
    .default(500),
  /** Shared secret for POST /api/revalidate (pipelines, CMS); unset, only file events publish. */
  REVALIDATE_SECRET: z
    .string()
    .min(16, { error: "REVALIDATE_SECRET must be at least 16 characters" })
    .optional(),
  /** Shared secret for /api/preview (editors see drafts and scheduled stories); unset, preview is off. */
  PREVIEW_SECRET: z.string().min(16, { error: "PREVIEW_SECRET must be at least 16 characters" }).optional(),
  /** How often a running server rescans content in case file events were missed; 0 turns it off. */
  CONTENT_RESCAN_MS: z.coerce.number().int().min(0).default(60_000),
  /**
   * What a content change refreshes: the pages it touches (ADR 0011), or every page as before
   * ("everything": a way back if a page is ever found stale, and the bench's before figure).
   */
  CONTENT_REFRESH: z
    .enum(["touched", "everything"], { error: 'CONTENT_REFRESH must be "touched" or "everything"' })
    .default("touched"),
  /** Where `next build` wrote the site and `next start` reads it (next.config.ts): tests and benches build beside it. */
  // Empty reads as unset, as next.config.ts and the standalone wrapper read it.
  NEXT_DIST_DIR: z.preprocess((v) => (v === "" ? undefined : v), z.string().default(".next")),
  /**
   * "off": a start-up reads every content file, never the snapshot of the last read kept in the
   * build's folder (lib/content/snapshot.ts). For measuring a cold start, or a read-only build folder.
   */
  CONTENT_SNAPSHOT: z.enum(["on", "off"], { error: 'CONTENT_SNAPSHOT must be "on" or "off"' }).default("on"),
  /**
   * How often an open live page asks for new updates (once a minute after eight quiet asks). 10 s: a
   * new update then reaches readers within ~14 s through the shipped nginx (3 s cache), where 15 s
   * gave p99 18 s (bench:pollers); the proxy answers the extra asks, the origin sees one per 3 s.
   */
  LIVE_POLL_MS: z.coerce.number().int().min(1_000).max(300_000).default(10_000),
  /** How often Most read is worked out again from the counted reads (docs/DEPLOY.md). */
  MOST_READ_REFRESH_MS: z.coerce
    .number({ error: "MOST_READ_REFRESH_MS must be a whole number of milliseconds, e.g. 60000" })
    .int({ error: "MOST_READ_REFRESH_MS must be a whole number of milliseconds, e.g. 60000" })
    .min(1_000, { error: "MOST_READ_REFRESH_MS must be at least 1000" })
    .max(3_600_000, { error: "MOST_READ_REFRESH_MS must be at most 3600000 (an hour)" })
    .default(60_000),
  /** Confirmation emails the site sends per minute in all, whoever asks. */
  CONFIRMATION_EMAILS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /** How long /health reuses its database check (one small write). */
  HEALTH_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  /** Newsletter messages a second, across all connections (your mail provider's limit). */
  NEWSLETTER_RATE_PER_SECOND: z.coerce.number().int().min(1).max(10_000).default(50),
  /** SMTP connections a newsletter send keeps open. */
  NEWSLETTER_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(5),
  /** Story narration (issue 24): Flite's voices, built in, or off. */
  NARRATION: z.enum(["on", "off"], { error: "NARRATION must be on or off" }).default("on"),
  /** Flite's voice: slt (default, clearest), awb, rms, kal16 or kal (8 kHz). */
  NARRATION_VOICE: z
    .enum(["slt", "awb", "rms", "kal16", "kal"], {
      error: "NARRATION_VOICE must be slt, awb, rms, kal16 or kal",
    })
    .default("slt"),
  /**
   * An operator's neural voice instead of Flite's: the folder of a Piper or Kokoro voice for
   * sherpa-onnx (a `.onnx` model, `tokens.txt`, `espeak-ng-data/`), downloaded by the operator.
   */
  NARRATION_MODEL: z
    .string()
    .optional()
    // Checked when the server starts (lib/narration/voice.ts): a missing or unreadable model stops it.
    .transform((v) => (v ? path.resolve(/* turbopackIgnore: true */ process.cwd(), v) : undefined)),
  /** How long after the FAST deck changes its spoken briefing is remade (a burst of edits makes one). */
  NARRATION_BRIEFING_DELAY_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3_600_000, { error: "NARRATION_BRIEFING_DELAY_MS must be at most 3600000 (an hour)" })
    .default(60_000),
  /** How long a narration no story uses any more is kept before it is removed (shared caches, players mid-play). */
  NARRATION_GRACE_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(24 * 3600_000),
  /** 1: print outbox emails' links (they carry tokens) to the log, for trying the site locally. */
  MAIL_LOG_LINKS: z.enum(["0", "1"], { error: "MAIL_LOG_LINKS must be 0 or 1" }).default("0"),
});

/** `10.0.0.5`, `::1`, `10.0.0.0/8` or `fd00::/8`. */
function isAddressOrSubnet(entry: string): boolean {
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The settings from an environment, or an error naming every bad variable. */
export function readEnv(source: Record<string, string | undefined> = process.env) {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    siteUrl: e.SITE_URL.replace(/\/+$/, ""),
    timeZone: e.SITE_TIME_ZONE,
    dataDir: path.resolve(/* turbopackIgnore: true */ process.cwd(), e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    trustedProxies: e.TRUSTED_PROXIES,
    trustedProxyAddresses: e.TRUSTED_PROXY_ADDRESSES,
    signupLimitPerIp: e.SIGNUP_LIMIT_PER_IP,
    prerenderRecent: e.PRERENDER_RECENT,
    revalidateSecret: e.REVALIDATE_SECRET,
    previewSecret: e.PREVIEW_SECRET,
    contentRescanMs: e.CONTENT_RESCAN_MS,
    distDir: path.resolve(/* turbopackIgnore: true */ process.cwd(), e.NEXT_DIST_DIR),
    /** The start-up's snapshot of the content as last read (lib/content/snapshot.ts), or none. */
    contentSnapshot:
      e.CONTENT_SNAPSHOT === "on"
        ? path.resolve(
            /* turbopackIgnore: true */ process.cwd(),
            e.NEXT_DIST_DIR,
            "dispatch",
            "content.snapshot",
          )
        : undefined,
    narration: e.NARRATION === "on",
    narrationVoice: e.NARRATION_VOICE,
    narrationModel: e.NARRATION_MODEL,
    narrationBriefingDelayMs: e.NARRATION_BRIEFING_DELAY_MS,
    narrationGraceMs: e.NARRATION_GRACE_MS,
    livePollMs: e.LIVE_POLL_MS,
    mostReadRefreshMs: e.MOST_READ_REFRESH_MS,
    contentRefresh: e.CONTENT_REFRESH,
    healthCacheMs: e.HEALTH_CACHE_MS,
    confirmationEmailsPerMinute: e.CONFIRMATION_EMAILS_PER_MINUTE,
    newsletterRatePerSecond: e.NEWSLETTER_RATE_PER_SECOND,
    newsletterConnections: e.NEWSLETTER_CONNECTIONS,
    mailLogLinks: e.MAIL_LOG_LINKS === "1" || process.env.NODE_ENV === "development",
    outboxDir: path.join(path.resolve(/* turbopackIgnore: true */ process.cwd(), e.DATA_DIR), "outbox"),
    /** One or more content folders, separated like PATH (tests add fixtures beside the real content). */
    contentDirs: e.CONTENT_DIR.split(path.delimiter)
      .filter(Boolean)
      .map((d) => path.resolve(/* turbopackIgnore: true */ process.cwd(), d)),
  };
}

export const env = readEnv();

/**
 * What Next.js itself sets in the environment, read when asked rather than at import: `next start`
 * sets some of it after the app's modules have loaded.
 *
 * Every other read of `process.env` in the app is here or in `readEnv`, except three that cannot be:
 * instrumentation.ts tests NEXT_RUNTIME inline (so the Edge compile drops Node-only code),
 * next.config.ts runs before the app exists (NODE_ENV, NEXT_DIST_DIR, BUILD_STANDALONE), and
 * lib/server/page-cache.cjs is CommonJS that Next.js loads apart from the app (PAGE_CACHE_MAX_MB).
 * Variables that only tests and benchmarks read are listed in docs/DEPLOY.md ("Every setting").
 */
export const nextRuntime = {
  /** `next dev`: content is read afresh on each request and nothing is cached. */
  get development(): boolean {
    return process.env.NODE_ENV === "development";
  },
  /** `next build` (its prerendering included). */
  get building(): boolean {
    return process.env.NEXT_PHASE === "phase-production-build";
  },
  /** A production server answering requests: not a build, not development. */
  get serving(): boolean {
    return process.env.NODE_ENV === "production" && !this.building;
  },
  /**
   * The origin this server listens on, as `next start` records it (`__NEXT_PRIVATE_ORIGIN`, a Next.js
   * internal, used only when it looks like an origin), else one built from PORT; undefined before
   * either is set.
   */
  get ownOrigin(): string | undefined {
    const origin = process.env.__NEXT_PRIVATE_ORIGIN;
    if (origin && /^https?:\/\//.test(origin)) return origin.replace("://localhost:", "://127.0.0.1:");
    const port = process.env.PORT;
    return port ? `http://127.0.0.1:${port}` : undefined;
  },
};
