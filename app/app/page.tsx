import type { Metadata } from "next";
import { Container } from "@/components/layout/Container";
import { StoreBadges } from "@/components/signup/StoreBadges";
import { siteConfig } from "@/lib/config/site";
import { listingMetadata } from "@/lib/seo/metadata";

export const metadata: Metadata = listingMetadata({
  title: `Get the ${siteConfig.name} app`,
  description: "Stay updated with notifications for breaking news and our best stories.",
  path: "/app",
});

/** Where the app links and its QR code lead: one address for every phone. */
export default function AppPage() {
  return (
    <Container className="max-w-xl py-10">
      <h1 className="font-serif text-4xl font-bold">Get the {siteConfig.name} app</h1>
      <p className="text-muted mt-2 mb-6 text-lg">
        Stay updated with notifications for breaking news and our best stories.
      </p>
      <StoreBadges />
    </Container>
  );
}
