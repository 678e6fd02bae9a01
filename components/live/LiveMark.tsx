import { isLiveNow, type Article } from "@/lib/content/article";

/** "Live" before a story's section wherever it is listed, while its coverage is live. */
export function LiveMark({ article }: { article: Pick<Article, "live"> }) {
  return isLiveNow(article) ? <span className="live-mark mr-2 align-middle">Live</span> : null;
}
