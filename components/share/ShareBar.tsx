import { shareLinks, type ShareTarget } from "@/lib/share/links";
import { ShareActions } from "./ShareActions.island";
import { SHARE_BUTTON, ShareLink } from "./ShareLink";

/**
 * Share controls for one canonical URL, every network in view. The network links work with
 * JavaScript off; the island adds the system share sheet (where the browser has one) and Copy link.
 */
export function ShareBar({ target, text }: { target: ShareTarget; text?: string }) {
  return (
    <div role="group" aria-label="Share this story" className="flex flex-wrap items-center gap-2">
      <ul className="flex flex-wrap gap-2">
        {shareLinks(target).map((link) => (
          <li key={link.network}>
            <ShareLink link={link} />
          </li>
        ))}
      </ul>
      {/* The buttons that appear once JavaScript runs get their space reserved in the server's HTML
          (their own row on a phone, where they would otherwise wrap), so they shift nothing. */}
      <div className="flex min-h-11 basis-full flex-wrap items-center gap-2 sm:basis-auto">
        <ShareActions url={target.url} title={target.title} text={text} buttonClass={SHARE_BUTTON} />
      </div>
    </div>
  );
}
