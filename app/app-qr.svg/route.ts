import QRCode from "qrcode";
import { absoluteUrl } from "@/lib/config/site";

/**
 * The app block's QR code (a link to /app), drawn once at build time. An image rather than inline
 * SVG: the block hides it on phones, where a lazy image in a hidden box is never fetched, and a
 * desktop reader's browser keeps one copy instead of receiving it again in every page's HTML and
 * RSC payload (about 0.8 KB compressed per page and per prefetch).
 */
export const dynamic = "force-static";

export async function GET() {
  const svg = await QRCode.toString(absoluteUrl("/app"), {
    type: "svg",
    margin: 1,
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
