import { Container } from "@/components/layout/Container";
import { StoryCard } from "@/components/listing/StoryCard";
import { StoryList } from "@/components/listing/StoryList";
import { SignupBlocks } from "@/components/signup/SignupBlocks";
import { siteConfig } from "@/lib/config/site";
import { getAllArticles } from "@/lib/site/api";
import { absoluteUrl } from "@/lib/config/site";
import { feedLinks } from "@/lib/seo/metadata";
import type { Metadata } from "next";

export const metadata: Metadata = { alternates: { canonical: absoluteUrl("/"), types: feedLinks() } };

const LATEST_COUNT = 20;

export default async function HomePage() {
  const [lead, ...rest] = await getAllArticles();
  return (
    <Container>
      <h1 className="sr-only">{`${siteConfig.name}: latest news`}</h1>
      {lead ? (
        <section aria-labelledby="lead-heading" className="border-rule mt-6 border-b pb-8 sm:mt-10">
          <h2 id="lead-heading" className="sr-only">
            Top story
          </h2>
          <StoryCard article={lead} lead headingLevel={3} />
        </section>
      ) : null}
      <section aria-labelledby="latest-heading" className="mt-8 max-w-3xl">
        <h2 id="latest-heading" className="font-serif text-2xl font-bold">
          Latest news
        </h2>
        <StoryList articles={rest.slice(0, LATEST_COUNT)} empty="No other stories yet." headingLevel={3} />
      </section>
      <div className="mt-12">
        <SignupBlocks />
      </div>
    </Container>
  );
}
