import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Container } from "@/components/layout/Container";
import { PageHeading } from "@/components/listing/PageHeading";
import { StoryList } from "@/components/listing/StoryList";
import { getAllTopics, getTopicArticles } from "@/lib/site/api";
import { listingMetadata } from "@/lib/seo/metadata";
import { topicPath } from "@/lib/config/paths";

type Props = { params: Promise<{ topic: string }> };

// Topics that first appear in a story published after the build render on first request.
export const dynamicParams = true;

export async function generateStaticParams() {
  return (await getAllTopics()).map((t) => ({ topic: t.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await getTopicArticles((await params).topic);
  if (!found) return {};
  return listingMetadata({
    title: found.topic.name,
    description: `The latest news about ${found.topic.name}.`,
    path: topicPath(found.topic.slug),
  });
}

export default async function TopicPage({ params }: Props) {
  const found = await getTopicArticles((await params).topic);
  if (!found) notFound();
  return (
    <Container className="max-w-3xl">
      <PageHeading kicker="Topic" title={found.topic.name} />
      <StoryList articles={found.articles} empty="No stories on this topic yet." />
    </Container>
  );
}
