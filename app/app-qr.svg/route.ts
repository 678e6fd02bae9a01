import QRCode from "qrcode";
import { absoluteUrl } from "@/lib/config/site";

/**
 * The app block's QR code (a link to /app), a static route: drawn at build time and again once per
 * server process after a content refresh, like the pages (SITE_URL is the same). An image rather
 * than inline SVG: the block hides it on phones, where a lazy image in a hidden box is not fetched
 * while scripts run, and a desktop reader's browser keeps one copy instead of receiving it again in
 * every page's HTML and RSC payload (about 0.8 KB compressed per page and per prefetch).
 */
export const dynamic = "force-static";

export async function GET() {
  const svg = await QRCode.toString(absoluteUrl("/app"), {
    type: "svg",
    margin: 1,
    width: 112, // the size it is shown at: an intrinsic size for every browser
    errorCorrectionLevel: "M",
    color: { dark: "#000000", light: "#ffffff" },
  });
  return new Response(svg, {
    headers: {
      "Content-Type": "image/svg+xml",
      "Cache-Control": "public, max-age=86400",
    },
  });
}
