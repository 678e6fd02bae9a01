import { shareLinks, type ShareTarget } from "@/lib/share/links";
import { ShareActions } from "./ShareActions.island";
import { SHARE_BUTTON, ShareLink } from "./ShareLink";

/**
 * The article's share controls in one compact row under the headline, so a phone's first screen
 * reaches the photo (issue 28): WhatsApp, then "More" for the other networks, then what the island
 * adds once JavaScript runs (the system share sheet where there is one, and Copy link). "More" is a
 * native disclosure (<details>), so it opens with JavaScript off; its panel floats over the page
 * below the row, so opening it moves nothing. The island's buttons come last in the row, so their
 * arrival moves nothing either. The full bar (ShareBar) stands at the end of the story.
 */
export function ShareRow({ target, text }: { target: ShareTarget; text?: string }) {
  const links = shareLinks(target);
  const first = links.filter((link) => link.network === "whatsapp");
  const rest = links.filter((link) => link.network !== "whatsapp");
  return (
    <div
      role="group"
      aria-label="Share this story"
      className="relative flex min-h-11 flex-wrap items-center gap-2"
    >
      {first.map((link) => (
        <ShareLink key={link.network} link={link} />
      ))}
      <details className="group">
        <summary className="border-rule hover:border-ink inline-flex h-11 cursor-pointer list-none items-center gap-1 rounded-full border pr-3 pl-4 text-sm font-semibold [&::-webkit-details-marker]:hidden">
          More
          <svg
            viewBox="0 0 20 20"
            width="16"
            height="16"
            aria-hidden="true"
            focusable="false"
            fill="currentColor"
            className="transition-transform group-open:rotate-180"
          >
            <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
          </svg>
        </summary>
        <ul className="bg-page border-rule absolute top-full left-0 z-10 mt-2 flex gap-2 rounded-xl border p-2 shadow-lg">
          {rest.map((link) => (
            <li key={link.network}>
              <ShareLink link={link} />
            </li>
          ))}
        </ul>
      </details>
      <ShareActions url={target.url} title={target.title} text={text} buttonClass={SHARE_BUTTON} />
    </div>
  );
}
