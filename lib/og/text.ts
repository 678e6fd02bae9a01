/**
 * Text for generated images. The committed fonts cover Latin scripts only, and next/og would fetch
 * missing glyphs (emoji, CJK…) from a CDN at build time, which fails offline. So characters outside
 * the fonts are dropped, and a headline left with too little readable text is not drawn at all.
 */

// Basic Latin, Latin-1, Latin Extended-A/B, general punctuation, currency and a few symbols.
const SUPPORTED = /[\u0020-\u007E\u00A0-\u024F\u2010-\u2027\u2030-\u205E\u20A0-\u20BF\u2122]/u;

export function drawableText(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) out += SUPPORTED.test(ch) ? ch : " ";
  return out.replace(/\s+/g, " ").trim();
}

/** The headline as drawn: undefined when most of it cannot be drawn (the image then shows no headline). */
export function drawableHeadline(title: string, max = 140): string | undefined {
  const drawn = drawableText(title);
  const letters = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, "").length;
  if (letters(drawn) < Math.max(3, letters(title) * 0.6)) return undefined;
  if (drawn.length <= max) return drawn;
  return `${drawn.slice(0, max).replace(/\s+\S*$/, "")}…`;
}

/** Font size that fits the headline in the image's text area. */
export function headlineSize(text: string): number {
  if (text.length <= 50) return 68;
  if (text.length <= 80) return 58;
  if (text.length <= 110) return 50;
  return 44;
}
