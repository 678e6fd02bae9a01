/**
 * Self-hosted variable fonts from npm (@fontsource-variable), loaded through next/font/local so they
 * are preloaded and get size-matched fallbacks: no remote requests and no layout shift on swap.
 */
import localFont from "next/font/local";

export const sans = localFont({
  src: [
    {
      path: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
      style: "normal",
    },
  ],
  variable: "--font-inter",
  weight: "100 900",
  display: "swap",
  fallback: ["system-ui", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
});

export const serif = localFont({
  src: [
    {
      path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2",
      style: "normal",
    },
    {
      path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-italic.woff2",
      style: "italic",
    },
  ],
  variable: "--font-source-serif",
  weight: "200 900",
  display: "swap",
  fallback: ["Georgia", "Cambria", "Times New Roman", "serif"],
});
