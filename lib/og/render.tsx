/**
 * The 1200×630 link-preview image for an article or a FAST card: the hero photo, section, headline
 * and brand. Rendered at build time with next/og and the committed fonts only (works offline).
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { ImageResponse } from "next/og";
import sharp from "sharp";
import { isLiveNow, type Article } from "@/lib/content/article";
import { getMediaFile } from "@/lib/site/api";
import { siteConfig } from "@/lib/config/site";
import { OG_IMAGE_SIZE } from "@/lib/seo/metadata";
import { drawableHeadline, drawableText, headlineSize } from "./text";

const FONT_DIR = path.join(process.cwd(), "assets/fonts");

type Font = { name: string; weight: 400 | 700; style: "normal"; data: Buffer };

let fonts: Promise<Font[]> | undefined;

function loadFonts() {
  const font = async (file: string, name: string, weight: 400 | 700): Promise<Font> => ({
    name,
    weight,
    style: "normal",
    data: await fs.readFile(path.join(FONT_DIR, file)),
  });
  fonts ??= Promise.all([
    font("source-serif-4-latin-700-normal.woff", "Serif", 700),
    font("source-serif-4-latin-ext-700-normal.woff", "Serif", 700),
    font("inter-latin-700-normal.woff", "Sans", 700),
    font("inter-latin-ext-700-normal.woff", "Sans", 700),
    font("inter-latin-400-normal.woff", "Sans", 400),
  ]);
  return fonts;
}

async function heroDataUrl(article: Article): Promise<string | undefined> {
  const file = await getMediaFile(article.hero.url);
  if (!file) return undefined;
  const jpeg = await sharp(file)
    .resize(OG_IMAGE_SIZE.width, OG_IMAGE_SIZE.height, { fit: "cover" })
    .jpeg({ quality: 80 })
    .toBuffer();
  return `data:image/jpeg;base64,${jpeg.toString("base64")}`;
}

export async function renderOgImage(article: Article, variant: "article" | "fast"): Promise<ImageResponse> {
  const [hero, loadedFonts] = await Promise.all([heroDataUrl(article), loadFonts()]);
  const headline = drawableHeadline(article.title);
  const section = drawableText(article.section.name).toUpperCase();
  return new ImageResponse(
    <div
      style={{
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        width: OG_IMAGE_SIZE.width,
        height: OG_IMAGE_SIZE.height,
        backgroundColor: "#121417",
        backgroundImage: hero ? `url(${hero})` : undefined,
        backgroundSize: `${OG_IMAGE_SIZE.width}px ${OG_IMAGE_SIZE.height}px`,
        color: "#ffffff",
      }}
    >
      <div
        style={{
          display: "flex",
          alignItems: "center",
          gap: 16,
          padding: "28px 56px",
          backgroundColor: "rgba(18,20,23,0.82)",
          fontFamily: "Sans",
          fontWeight: 700,
        }}
      >
        <div style={{ display: "flex", fontFamily: "Serif", fontSize: 40 }}>{siteConfig.name}</div>
        {variant === "fast" ? (
          <div
            style={{
              display: "flex",
              background: "#f4d35e",
              color: "#1a1a1a",
              padding: "4px 12px",
              borderRadius: 6,
              fontSize: 26,
            }}
          >
            FAST
          </div>
        ) : null}
        {isLiveNow(article) ? (
          <div
            style={{
              display: "flex",
              background: "#d0021b",
              color: "#ffffff",
              padding: "4px 12px",
              borderRadius: 6,
              fontSize: 26,
              letterSpacing: 2,
            }}
          >
            LIVE
          </div>
        ) : null}
      </div>
      <div
        style={{
          display: "flex",
          flexDirection: "column",
          gap: 12,
          padding: "28px 56px 40px",
          backgroundColor: "rgba(18,20,23,0.86)",
        }}
      >
        <div
          style={{
            display: "flex",
            fontFamily: "Sans",
            fontWeight: 700,
            fontSize: 26,
            letterSpacing: 2,
            color: "#ff9a9a",
          }}
        >
          {section}
        </div>
        {headline ? (
          <div
            style={{
              display: "flex",
              fontFamily: "Serif",
              fontWeight: 700,
              fontSize: headlineSize(headline),
              width: OG_IMAGE_SIZE.width - 112,
              lineHeight: 1.12,
            }}
          >
            {headline}
          </div>
        ) : null}
      </div>
    </div>,
    { ...OG_IMAGE_SIZE, fonts: loadedFonts },
  );
}
