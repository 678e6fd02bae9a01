import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Container } from "@/components/layout/Container";
import { PageHeading } from "@/components/listing/PageHeading";
import { EmptySection } from "@/components/listing/EmptySection";
import { StoryCard } from "@/components/listing/StoryCard";
import { StoryList } from "@/components/listing/StoryList";
import { findSection, siteConfig } from "@/lib/config/site";
import { getAllArticles } from "@/lib/site/api";
import { getSectionFront } from "@/lib/site/home";
import { listingMetadata } from "@/lib/seo/metadata";

type Props = { params: Promise<{ section: string }> };

/** Stories offered on a section that has none yet. */
const LATEST_WHEN_EMPTY = 5;

export const dynamicParams = false;

export function generateStaticParams() {
  return siteConfig.sections.map((s) => ({ section: s.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = findSection((await params).section);
  if (!section) return {};
  return listingMetadata({
    title: section.name,
    description: section.description,
    path: `/${section.slug}`,
    section,
  });
}

export default async function SectionPage({ params }: Props) {
  const section = findSection((await params).section);
  if (!section) notFound();
  // The section front (content/fronts/{section}.md) places the lead and top stories; the rest follow
  // newest first.
  const { lead, top, rest } = await getSectionFront(section.slug);
  return (
    <Container className="max-w-3xl">
      <PageHeading title={section.name} description={section.description} />
      {lead ? (
        <>
          <div className="border-rule border-b py-6">
            <StoryCard article={lead} lead />
          </div>
          <StoryList articles={[...top, ...rest]} empty="" />
        </>
      ) : (
        <EmptySection name={section.name} latest={(await getAllArticles()).slice(0, LATEST_WHEN_EMPTY)} />
      )}
    </Container>
  );
}
