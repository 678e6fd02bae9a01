import type { Metadata } from "next";
import { Container } from "@/components/layout/Container";
import { PageHeading } from "@/components/listing/PageHeading";
import { MostReadList } from "@/components/reads/MostReadList";
import { absoluteUrl } from "@/lib/config/site";
import { getMostReadPage } from "@/lib/site/home";

export const metadata: Metadata = {
  title: "Most read",
  description: "The stories readers read most in the last 24 hours.",
  alternates: { canonical: absoluteUrl("/most-read") },
};

/**
 * Most read as a page of its own: where a story page's list links without JavaScript. Refreshed when
 * the ranking's order moves or a story on it changes (lib/site/home.ts).
 */
export default async function MostReadPage() {
  const stories = await getMostReadPage();
  return (
    <Container className="max-w-3xl">
      <PageHeading title="Most read" description="What readers read most in the last 24 hours." />
      <MostReadList
        stories={stories.map((a) => ({ path: a.path, title: a.title, section: a.section.name }))}
      />
    </Container>
  );
}
