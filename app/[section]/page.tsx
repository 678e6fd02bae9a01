import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Container } from "@/components/layout/Container";
import { PageHeading } from "@/components/listing/PageHeading";
import { StoryList } from "@/components/listing/StoryList";
import { findSection, siteConfig } from "@/lib/config/site";
import { getSectionArticles } from "@/lib/content/api";
import { listingMetadata } from "@/lib/seo/metadata";

type Props = { params: Promise<{ section: string }> };

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
  const articles = await getSectionArticles(section.slug);
  return (
    <Container className="max-w-3xl">
      <PageHeading title={section.name} description={section.description} />
      <StoryList articles={articles} empty={`No ${section.name} stories yet.`} />
    </Container>
  );
}
