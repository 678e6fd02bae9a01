import { writeFileSync } from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { sectionSlugs, siteConfig } from "./lib/config/site";
import { EMBED_FRAME_ORIGINS } from "./lib/content/embeds";

const production = process.env.NODE_ENV === "production";

/**
 * As strict as prerendered pages allow: Next.js streams its data in inline scripts, and nonces would
 * make every page dynamic, so scripts are 'self' plus inline, never eval. Development needs eval for
 * fast refresh, so the policy applies to production builds only.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // Embeds' players (lib/content/embeds.ts), only ever put on the page when a reader presses Play:
  // before that the page holds no frame, so nothing is requested from these origins.
  `frame-src ${EMBED_FRAME_ORIGINS.join(" ")}`,
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  ...(siteConfig.url.startsWith("https:") ? ["upgrade-insecure-requests"] : []),
].join("; ");

const securityHeaders = [
  ...(production ? [{ key: "Content-Security-Policy", value: contentSecurityPolicy }] : []),
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value:
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
  },
  // HSTS only where the site is served over HTTPS; on plain http it would be ignored or harmful.
  ...(production && siteConfig.url.startsWith("https:")
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

const distDir = process.env.NEXT_DIST_DIR || ".next";

/**
 * The tsconfig a build type-checks with. Next.js adds `{distDir}/types/**\/*.ts` to the include list
 * of that file when it is missing, so the tests' and benchmarks' builds (each in a folder of its own)
 * rewrote the committed tsconfig.json, which had collected a dozen such lines. They now get a
 * generated file of their own (git-ignored) that extends it and names their types folder.
 */
function buildTsconfig(phase: string): string | undefined {
  // Written only by a build: `next start` (a deployment may be read-only) never needs it.
  if (distDir === ".next" || phase !== PHASE_PRODUCTION_BUILD) return undefined;
  const file = `tsconfig.build-${path.basename(distDir).replace(/^\.+/, "")}.json`;
  const include = [
    "next-env.d.ts",
    "**/*.ts",
    "**/*.tsx",
    `${distDir}/types/**/*.ts`,
    `${distDir}/dev/types/**/*.ts`,
  ];
  writeFileSync(file, `${JSON.stringify({ extends: "./tsconfig.json", include }, null, 2)}\n`);
  return file;
}

const nextConfig: NextConfig = {
  // Tests build into their own folder so a running production build is never overwritten.
  distDir,
  // `npm run build:standalone` (docs/DEPLOY.md): a self-contained server.js with only the
  // node_modules it needs, for containers. Plain `next start` is the default.
  output: process.env.BUILD_STANDALONE === "1" ? "standalone" : undefined,
  // The page cache: never writes a 404 to disk, and bounds what it writes (lib/server/page-cache.cjs).
  // Next.js and npm scripts run from the project root, so the path is resolved from there.
  cacheHandler: path.resolve("lib/server/page-cache.cjs"),
  poweredByHeader: false,
  // CDNs may serve a page up to a day past its five-minute freshness while it is refreshed.
  expireTime: 86_400,
  reactStrictMode: true,
  images: {
    // WebP only: AVIF encoding costs several times the CPU for a small saving on photos.
    formats: ["image/webp"],
    deviceSizes: [360, 480, 640, 768, 1080, 1280, 1600],
    imageSizes: [96, 160, 240, 320],
    // Media URLs carry a content hash, so optimised copies never go stale.
    minimumCacheTTL: 31_536_000,
  },
  experimental: {
    // Newsletter forms are a few hundred bytes; refuse anything near this before parsing it.
    serverActions: { bodySizeLimit: "16kb" },
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      {
        // Search results are rendered per request; a CDN (and the shipped nginx) may keep them for
        // ten seconds, the same bound as every page after a publish. Never indexed.
        source: "/search",
        headers: [
          { key: "Cache-Control", value: "public, max-age=0, s-maxage=10, stale-while-revalidate=30" },
          { key: "X-Robots-Tag", value: "noindex" },
        ],
      },
    ];
  },
  async redirects() {
    return [
      {
        // The summary view's address used to be ?view=summary; links shared then still lead to it.
        // Not permanent: a browser that cached a 308 would never ask again if this ever changes.
        source: `/:section(${sectionSlugs.join("|")})/:slug`,
        has: [{ type: "query", key: "view", value: "summary" }],
        destination: "/:section/:slug/summary",
        permanent: false,
      },
    ];
  },
};

export default function config(phase: string): NextConfig {
  return { ...nextConfig, typescript: { tsconfigPath: buildTsconfig(phase) } };
}
