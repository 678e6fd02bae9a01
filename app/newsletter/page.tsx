import type { Metadata } from "next";
import { Container } from "@/components/layout/Container";
import { SignupForm } from "@/components/newsletter/SignupForm.island";
import { siteConfig } from "@/lib/config/site";
import { listingMetadata } from "@/lib/seo/metadata";

export const metadata: Metadata = listingMetadata({
  title: "Sign up for our newsletters",
  description: "Get our pick of top stories and thought-provoking articles in your inbox.",
  path: "/newsletter",
});

export default function NewsletterPage() {
  return (
    <Container className="max-w-xl py-10">
      <SignupForm newsletters={siteConfig.newsletters} />
    </Container>
  );
}
