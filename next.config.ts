import type { NextConfig } from "next";
import { sectionSlugs } from "./lib/config/site";

const nextConfig: NextConfig = {
  // Tests build into their own folder so a running production build is never overwritten.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
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
  async rewrites() {
    return {
      beforeFiles: [
        {
          // ?view=summary is the shareable URL of an article's summary view; both views are prerendered.
          source: `/:section(${sectionSlugs.join("|")})/:slug`,
          has: [{ type: "query", key: "view", value: "summary" }],
          destination: "/:section/:slug/summary",
        },
      ],
    };
  },
};

export default nextConfig;
