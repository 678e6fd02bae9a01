/**
 * Embeds: a YouTube or Vimeo link, or an X, Instagram or TikTok post, on a line of its own. The page
 * shows a plain card (provider, link to the original) and loads the provider's player only when the
 * reader presses it (components/article/body/EmbedPlayer.island.tsx), so nothing is requested from the
 * provider, and no cookie set, on page load. The player's address is built here from the post's id
 * alone: nothing the editor typed reaches an iframe's src. The providers' frame origins are the CSP's
 * `frame-src` (next.config.ts).
 */
import type { Paragraph } from "mdast";

type Provider = "YouTube" | "Vimeo" | "X" | "Instagram" | "TikTok";

export type Embed = {
  provider: Provider;
  /** The original post, as the link for readers without JavaScript (and in feeds). */
  url: string;
  /** The player, loaded only on the reader's press. */
  player: string;
  /** What the card calls it: "Video", "Post". */
  kind: "Video" | "Post";
  /** The player's shape, width over height. */
  ratio: number;
};

type Rule = {
  provider: Provider;
  pattern: RegExp;
  player: (id: string) => string;
  kind: Embed["kind"];
  ratio: number;
};

const RULES: Rule[] = [
  {
    provider: "YouTube",
    pattern:
      /^https:\/\/(?:www\.|m\.)?(?:youtube\.com\/(?:watch\?v=|shorts\/)|youtu\.be\/)([A-Za-z0-9_-]{11})(?:[&?#].*)?$/,
    player: (id) => `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`,
    kind: "Video",
    ratio: 16 / 9,
  },
  {
    provider: "Vimeo",
    pattern: /^https:\/\/(?:www\.)?vimeo\.com\/(\d{1,12})(?:[?#].*)?$/,
    player: (id) => `https://player.vimeo.com/video/${id}?dnt=1&autoplay=1`,
    kind: "Video",
    ratio: 16 / 9,
  },
  {
    provider: "X",
    pattern: /^https:\/\/(?:www\.)?(?:x|twitter)\.com\/[A-Za-z0-9_]{1,15}\/status\/(\d{1,20})(?:[?#].*)?$/,
    player: (id) => `https://platform.twitter.com/embed/Tweet.html?id=${id}&dnt=true`,
    kind: "Post",
    ratio: 4 / 5,
  },
  {
    provider: "Instagram",
    pattern: /^https:\/\/(?:www\.)?instagram\.com\/(?:p|reel)\/([A-Za-z0-9_-]{5,40})\/?(?:[?#].*)?$/,
    player: (id) => `https://www.instagram.com/p/${id}/embed`,
    kind: "Post",
    ratio: 4 / 5,
  },
  {
    provider: "TikTok",
    pattern: /^https:\/\/(?:www\.)?tiktok\.com\/@[A-Za-z0-9_.]{1,30}\/video\/(\d{1,20})(?:[?#].*)?$/,
    player: (id) => `https://www.tiktok.com/embed/v2/${id}`,
    kind: "Video",
    ratio: 9 / 16,
  },
];

/** The origins the players load from: the CSP's frame-src. */
export const EMBED_FRAME_ORIGINS = [
  "https://www.youtube-nocookie.com",
  "https://player.vimeo.com",
  "https://platform.twitter.com",
  "https://www.instagram.com",
  "https://www.tiktok.com",
];

/** The embed a URL names, if it is one of a known provider's. */
function embedOfUrl(url: string): Embed | undefined {
  for (const rule of RULES) {
    const id = rule.pattern.exec(url)?.[1];
    if (id)
      return { provider: rule.provider, url, player: rule.player(id), kind: rule.kind, ratio: rule.ratio };
  }
  return undefined;
}

/** A paragraph that is only a provider's URL (as a bare URL or a link whose text is its URL). */
export function embedOf(p: Paragraph): Embed | undefined {
  if (p.children.length !== 1) return undefined;
  const only = p.children[0];
  if (only?.type === "link") {
    const text =
      only.children.length === 1 && only.children[0]?.type === "text" ? only.children[0].value : "";
    return text === only.url || `https://${text}` === only.url ? embedOfUrl(only.url) : undefined;
  }
  return only?.type === "text" ? embedOfUrl(only.value.trim()) : undefined;
}
