import type { Article } from "@/lib/content/article";
import { ArticleBody } from "./ArticleBody";
import { ArticleMeta } from "./ArticleMeta";
import { HeroFigure } from "./HeroFigure";
import { SectionLabel } from "./SectionLabel";
import { SourceLine } from "./SourceLine";
import { TopicList } from "./TopicList";
import { FastPromo } from "@/components/fast/FastPromo";
import { FastReturn } from "@/components/fast/FastReturn";
import { SummaryPoints } from "./SummaryPoints";
import { SummaryToggle, type ArticleViewMode } from "./SummaryToggle";
import { ShareBar } from "@/components/share/ShareBar";
import { absoluteUrl } from "@/lib/config/site";
import { SignupBlocks } from "@/components/signup/SignupBlocks";
import { Corrections } from "./Corrections";
import { PreviewBanner } from "./PreviewBanner";
import { RelatedStories } from "./RelatedStories";

/**
 * The article: header, hero, then the body or (view "summary") the summary points in its place.
 * Stories without a summary have no toggle and no FAST links.
 */
export function ArticleView({
  article,
  view = "full",
  preview = false,
  related = [],
}: {
  article: Article;
  /** "Also worth reading" (lib/content/related.ts). */
  related?: Article[];
  view?: ArticleViewMode;
  /** An editor's preview of a story readers cannot see yet. */
  preview?: boolean;
}) {
  const summary = article.summary;
  return (
    <>
      {preview ? <PreviewBanner article={article} /> : null}
      <article className="mx-auto max-w-[52rem] pt-4 pb-8 sm:pt-8">
        <header className="mx-auto max-w-[42rem] px-4 sm:px-6">
          {summary ? <FastReturn slug={article.slug} /> : null}
          <SectionLabel section={article.section} />
          <h1 className="mt-1 font-serif text-[2rem] leading-[1.12] font-bold tracking-tight text-balance sm:text-[2.75rem]">
            {article.title}
          </h1>
          <p className="text-muted mt-3 font-serif text-xl leading-snug text-pretty sm:text-[1.375rem]">
            {article.standfirst}
          </p>
          <div className="mt-4 flex flex-col gap-4">
            <ArticleMeta article={article} />
            <ShareBar
              target={{ url: absoluteUrl(article.path), title: article.title }}
              text={article.standfirst}
            />
          </div>
          {summary ? <SummaryToggle path={article.path} view={view} /> : null}
        </header>
        <div className="mt-6 sm:px-6">
          <HeroFigure hero={article.hero} preload unoptimized={preview} />
        </div>
        <div className="mx-auto mt-8 max-w-[42rem] px-4 sm:px-6">
          <Corrections corrections={article.corrections} />
          {summary && view === "summary" ? (
            <SummaryPoints points={summary} variant="cards" />
          ) : (
            <>
              {summary ? <FastPromo slug={article.slug} /> : null}
              {summary ? <SummaryPoints points={summary} variant="box" /> : null}
              <ArticleBody article={article} />
            </>
          )}
          <SourceLine source={article.source} />
          <TopicList topics={article.topics} />
        </div>
      </article>
      {related.length > 0 ? (
        <div className="mx-auto max-w-[42rem] px-4 pb-4 sm:px-6">
          <RelatedStories articles={related} />
        </div>
      ) : null}
      <div className="mx-auto max-w-6xl px-4 sm:px-6">
        <SignupBlocks />
      </div>
    </>
  );
}
