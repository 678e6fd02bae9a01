import type { ShareLink as Link } from "@/lib/share/links";
import { ShareIcon } from "./ShareIcon";

export const SHARE_BUTTON =
  "border-rule hover:border-ink hover:text-accent inline-flex size-11 items-center justify-center rounded-full border";

/** One network's share link: a plain link, so it works with JavaScript off. */
export function ShareLink({ link }: { link: Link }) {
  return (
    <a
      href={link.href}
      aria-label={`Share on ${link.label}`}
      title={`Share on ${link.label}`}
      {...(link.external ? { target: "_blank", rel: "noopener noreferrer" } : {})}
      className={SHARE_BUTTON}
    >
      <ShareIcon name={link.network} />
    </a>
  );
}
