import type { Article } from "@/lib/content/article";
import { ArticleBody } from "./ArticleBody";
import { ArticleMeta } from "./ArticleMeta";
import { HeroFigure } from "./HeroFigure";
import { SectionLabel } from "./SectionLabel";
import { SourceLine } from "./SourceLine";
import { TopicList } from "./TopicList";
import { FastPromo } from "@/components/fast/FastPromo";
import { FastReturn } from "@/components/fast/FastReturn";
import { FastReturnBar } from "@/components/fast/FastReturnBar.island";
import { SummaryPoints } from "./SummaryPoints";
import { SummaryToggle, type ArticleViewMode } from "./SummaryToggle";
import { ShareBar } from "@/components/share/ShareBar";
import { ShareRow } from "@/components/share/ShareRow";
import { SummaryEnd } from "./SummaryEnd";
import { absoluteUrl } from "@/lib/config/site";
import { SignupBlocks } from "@/components/signup/SignupBlocks";
import { Corrections } from "./Corrections";
import { PreviewBanner } from "./PreviewBanner";
import { RelatedStories } from "./RelatedStories";
import { LiveCoverage } from "@/components/live/LiveCoverage";
import { MostReadAside } from "@/components/reads/MostReadAside";
import { ReadBeacon } from "@/components/reads/ReadBeacon.island";
import { ListenPlayer } from "@/components/listen/ListenPlayer";

/**
 * The article: header, hero, then the body or (view "summary") the summary points in its place.
 * Stories without a summary have no toggle and no FAST links.
 *
 * On a phone the headline, the photo and the story come first (issue 28): the view toggle shares the
 * section label's row, the share controls are one compact row, the key points a collapsed disclosure,
 * and the FAST promotion and the full share bar stand where readers finish.
 */
export function ArticleView({
  article,
  view = "full",
  preview = false,
  related = [],
  livePage = 1,
  listen,
}: {
  article: Article;
  /**
   * The story's narration, once made (lib/site/listen.ts): a player above the story (the summary
   * view's is the summary's short narration).
   */
  listen?: { url: string; seconds: number };
  /** For a live story: which page of its updates (1, the newest, at the story's own address). */
  livePage?: number;
  /** "Also worth reading" (lib/content/related.ts). */
  related?: Article[];
  view?: ArticleViewMode;
  /** An editor's preview of a story readers cannot see yet. */
  preview?: boolean;
}) {
  const summary = article.summary;
  const share = { url: absoluteUrl(article.path), title: article.title };
  return (
    <>
      {preview ? <PreviewBanner article={article} /> : null}
      <article className="mx-auto max-w-[52rem] pt-3 pb-8 sm:pt-8">
        <header className="mx-auto max-w-[42rem] px-4 sm:px-6">
          {summary ? <FastReturn slug={article.slug} /> : null}
          <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
            <SectionLabel section={article.section} />
            {summary ? <SummaryToggle path={article.path} view={view} /> : null}
          </div>
          <h1 className="mt-1 font-serif text-[1.625rem] leading-[1.15] sm:leading-[1.12] font-bold tracking-tight text-balance sm:text-[2.75rem]">
            {article.title}
          </h1>
          <p className="text-muted mt-2 font-serif text-[1.0625rem] leading-[1.3] sm:mt-3 sm:leading-snug text-pretty sm:text-[1.375rem]">
            {article.standfirst}
          </p>
          <div className="mt-2 flex flex-col gap-2 sm:mt-4 sm:gap-4">
            <ArticleMeta article={article} />
            <ShareRow target={share} text={article.standfirst} />
          </div>
        </header>
        <div className="mt-2 sm:mt-6 sm:px-6">
          <HeroFigure hero={article.hero} preload unoptimized={preview} />
        </div>
        <div className="mx-auto mt-3 max-w-[42rem] px-4 sm:mt-8 sm:px-6">
          {listen ? (
            <ListenPlayer
              {...listen}
              title={article.title}
              label={summary && view === "summary" ? "Listen to this summary" : "Listen to this story"}
            />
          ) : null}
          <Corrections corrections={article.corrections} />
          {summary && view === "summary" ? (
            <SummaryPoints points={summary} variant="cards" />
          ) : (
            <>
              {summary ? <SummaryPoints points={summary} variant="box" /> : null}
              {article.live ? (
                <LiveCoverage article={article} page={livePage} intro={<ArticleBody article={article} />} />
              ) : (
                <ArticleBody article={article} />
              )}
              {summary ? <FastPromo slug={article.slug} /> : null}
            </>
          )}
          <SourceLine source={article.source} />
          {summary && view === "summary" ? <SummaryEnd path={article.path} slug={article.slug} /> : null}
          {summary ? <FastReturn slug={article.slug} at="end" /> : null}
          <div className="border-rule mt-8 border-t pt-4">
            <p aria-hidden="true" className="text-muted mb-2 text-xs font-bold tracking-wider uppercase">
              Share this story
            </p>
            <ShareBar target={share} text={article.standfirst} />
          </div>
          <TopicList topics={article.topics} />
        </div>
      </article>
      {related.length > 0 ? (
        <div className="mx-auto max-w-[42rem] px-4 pb-4 sm:px-6">
          <RelatedStories articles={related} />
        </div>
      ) : null}
      {preview ? null : <ReadBeacon slug={article.slug} />}
      <div className="mx-auto max-w-6xl px-4 sm:px-6">
        <SignupBlocks />
      </div>
      {/* Last before the footer: the list arrives after the page (an island), and moves nothing else. */}
      {preview ? null : (
        <div className="mx-auto max-w-[42rem] px-4 pb-8 sm:px-6">
          <MostReadAside />
        </div>
      )}
      {summary ? <FastReturnBar slug={article.slug} /> : null}
    </>
  );
}
