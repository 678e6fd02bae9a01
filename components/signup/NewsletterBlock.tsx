import Link from "next/link";
import { siteConfig } from "@/lib/config/site";
import { ACTION_LINK, SignupFrame } from "./SignupFrame";

export function NewsletterBlock() {
  return (
    <SignupFrame
      id="signup-newsletter"
      title="Sign up for our newsletters"
      text="Get our pick of top stories and thought-provoking articles in your inbox"
    >
      <Link href={siteConfig.links.newsletterSignup} className={ACTION_LINK}>
        Subscribe here
      </Link>
    </SignupFrame>
  );
}
