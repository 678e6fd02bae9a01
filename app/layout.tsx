import type { Metadata, Viewport } from "next";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { SkipLink } from "@/components/layout/SkipLink";
import { siteConfig } from "@/lib/config/site";
import { inter, sourceSerif } from "@/lib/fonts/faces";
import { fontPreloadLinks } from "@/lib/fonts/preloads";
import { feedLinks, ogLocale } from "@/lib/seo/metadata";
import "./globals.css";

/**
 * Pages are prerendered, then may be refreshed at most every five minutes. Besides keeping a
 * long-running server current, this makes Next.js send `s-maxage=300, stale-while-revalidate`,
 * so CDNs serve cached pages and refresh them in the background.
 */
export const revalidate = 300;

export const metadata: Metadata = {
  metadataBase: new URL(siteConfig.url),
  title: { default: `${siteConfig.name}: ${siteConfig.tagline}`, template: `%s | ${siteConfig.name}` },
  description: siteConfig.description,
  applicationName: siteConfig.name,
  robots: { index: true, follow: true, "max-image-preview": "large" },
  // No canonical here: it would be inherited by pages that set none. Each page names its own.
  alternates: { types: feedLinks() },
  openGraph: { type: "website", siteName: siteConfig.name, locale: ogLocale, url: "/" },
  twitter: { card: "summary" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#121417" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html
      lang={siteConfig.locale}
      className={`${inter.variable} ${sourceSerif.variable}`}
      // The CSS scrolls smoothly for in-page moves; this tells the router to jump, not glide, when it
      // scrolls a new page into place (a glide from a deep scroll position ran over FAST's own scroll).
      data-scroll-behavior="smooth"
    >
      <head>
        {fontPreloadLinks().map((font) => (
          // itemProp keeps the tag a plain element: React otherwise also sends it as a preload hint,
          // which reaches prerendered pages as a second tag for the same file (and never reaches
          // dynamic ones, lib/fonts/preloads.ts).
          <link
            key={font.href}
            rel="preload"
            href={font.href}
            as="font"
            type={font.type}
            crossOrigin=""
            itemProp="font"
          />
        ))}
        <link
          rel="search"
          type="application/opensearchdescription+xml"
          title={siteConfig.name}
          href="/opensearch.xml"
        />
      </head>
      <body className="flex min-h-screen flex-col font-sans antialiased">
        <SkipLink />
        <SiteHeader />
        <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
