import { Container } from "@/components/layout/Container";
import { FastRail } from "@/components/home/FastRail";
import { LatestRail } from "@/components/home/LatestRail";
import { SectionBlocks } from "@/components/home/SectionBlocks";
import { TopStories } from "@/components/home/TopStories";
import { StoryCard } from "@/components/listing/StoryCard";
import { MostReadList } from "@/components/reads/MostReadList";
import { SignupBlocks } from "@/components/signup/SignupBlocks";
import { absoluteUrl, siteConfig } from "@/lib/config/site";
import { feedLinks } from "@/lib/seo/metadata";
import { getHomePage } from "@/lib/site/home";
import type { Metadata } from "next";

export const metadata: Metadata = { alternates: { canonical: absoluteUrl("/"), types: feedLinks() } };

/**
 * The front page as the editors' home front places it (content/fronts/home.md, docs/CONTENT.md), its
 * empty slots filled newest-first: the lead, the top stories and FAST's first cards beside Latest and
 * Most read, then a block per section.
 */
export default async function HomePage() {
  const page = await getHomePage();
  return (
    <Container>
      <h1 className="sr-only">{`${siteConfig.name}: the news now`}</h1>
      <div className="home-upper mt-6 sm:mt-10">
        <div className="home-main">
          {page.lead ? (
            <section aria-labelledby="lead-heading">
              <h2 id="lead-heading" className="sr-only">
                Top story
              </h2>
              <StoryCard article={page.lead} lead headingLevel={3} />
            </section>
          ) : (
            <p className="text-muted py-8">No stories yet.</p>
          )}
          <TopStories articles={page.top} />
          <FastRail cards={page.fast} />
        </div>
        <div className="home-rail">
          <LatestRail articles={page.latest} />
          <section aria-labelledby="most-read-heading">
            <h2 id="most-read-heading" className="border-ink border-b-2 pb-1 font-serif text-xl font-bold">
              Most read
            </h2>
            <MostReadList
              stories={page.mostRead.map((a) => ({ path: a.path, title: a.title, section: a.section.name }))}
            />
          </section>
        </div>
      </div>
      <div className="mt-12">
        <SectionBlocks blocks={page.sections} />
      </div>
      <div className="mt-12">
        <SignupBlocks />
      </div>
    </Container>
  );
}
