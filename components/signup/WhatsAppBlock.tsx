import { siWhatsapp } from "simple-icons";
import { siteConfig } from "@/lib/config/site";
import { ACTION_LINK, SignupFrame } from "./SignupFrame";

export function WhatsAppBlock() {
  return (
    <SignupFrame
      id="signup-whatsapp"
      title="Get WhatsApp alerts"
      text="Join our channel for the top reads for the day on your preferred chat app"
    >
      <a
        href={siteConfig.links.whatsappChannel}
        target="_blank"
        rel="noopener noreferrer"
        className={ACTION_LINK}
      >
        <svg
          viewBox="0 0 24 24"
          width="20"
          height="20"
          aria-hidden="true"
          focusable="false"
          fill="currentColor"
        >
          <path d={siWhatsapp.path} />
        </svg>
        Join here<span className="sr-only"> (opens WhatsApp in a new tab)</span>
      </a>
    </SignupFrame>
  );
}
