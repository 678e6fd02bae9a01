import { shareLinks, type ShareTarget } from "@/lib/share/links";
import { ShareActions } from "./ShareActions.island";
import { ShareIcon } from "./ShareIcon";

const BUTTON =
  "border-rule hover:border-ink hover:text-accent inline-flex size-11 items-center justify-center rounded-full border";

/**
 * Share controls for one canonical URL. The network links work with JavaScript off; the island adds
 * the system share sheet (where the browser has one) and Copy link.
 */
export function ShareBar({ target, text }: { target: ShareTarget; text?: string }) {
  return (
    <div role="group" aria-label="Share this story" className="flex flex-wrap items-center gap-2">
      <ul className="flex flex-wrap gap-2">
        {shareLinks(target).map((link) => (
          <li key={link.network}>
            <a
              href={link.href}
              aria-label={`Share on ${link.label}`}
              title={`Share on ${link.label}`}
              {...(link.external ? { target: "_blank", rel: "noopener noreferrer" } : {})}
              className={BUTTON}
            >
              <ShareIcon name={link.network} />
            </a>
          </li>
        ))}
      </ul>
      {/* The buttons that appear once JavaScript runs get their space reserved in the server's HTML
          (their own row on a phone, where they would otherwise wrap), so they shift nothing. */}
      <div className="flex min-h-11 basis-full flex-wrap items-center gap-2 sm:basis-auto">
        <ShareActions url={target.url} title={target.title} text={text} buttonClass={BUTTON} />
      </div>
    </div>
  );
}
