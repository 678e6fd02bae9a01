/**
 * Self-hosted variable fonts from npm (@fontsource-variable), loaded through next/font/local so they
 * are preloaded and get size-matched fallbacks: no remote requests and no layout shift.
 *
 * display "optional": a reader on a slow connection reads the metric-matched fallback at once instead
 * of waiting or reflowing; the font is cached for the next page. No italic face is shipped (the few
 * italics are synthesised) so only two files sit on the critical path.
 *
 * next/font names each @font-face family after its export, so no export may be called like a CSS
 * generic family: as `sans` and `serif`, Chromium swapped the headline from the fallback it was
 * painted with to another face when the files landed after the first paint (CLS 0.048 on a slow
 * phone; e2e/fonts.spec.ts).
 */
import localFont from "next/font/local";

export const inter = localFont({
  src: [
    {
      path: "../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
      style: "normal",
    },
  ],
  variable: "--font-inter",
  weight: "100 900",
  display: "optional",
  // Preloaded by the root layout on every page instead (lib/fonts/preloads.ts).
  preload: false,
  fallback: ["system-ui", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
});

export const sourceSerif = localFont({
  src: [
    {
      path: "../../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2",
      style: "normal",
    },
  ],
  variable: "--font-source-serif",
  weight: "200 900",
  display: "optional",
  preload: false,
  fallback: ["Georgia", "Cambria", "Times New Roman", "serif"],
});
