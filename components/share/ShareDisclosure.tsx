import type { ShareTarget } from "@/lib/share/links";
import { ShareBar } from "./ShareBar";
import { ShareIcon } from "./ShareIcon";

/**
 * One "Share" control that opens the share bar above it: for a FAST card on a phone, where a row of
 * eight share targets would cost a card its last lines. A native disclosure (<details>), so it opens
 * by touch, keyboard and screen reader with JavaScript off, and says whether it is open. The panel is
 * placed against the nearest positioned ancestor (the card's control row).
 */
export function ShareDisclosure({ target, className }: { target: ShareTarget; className?: string }) {
  return (
    <details className={className}>
      <summary className="border-rule hover:border-ink bg-page inline-flex size-11 cursor-pointer list-none items-center justify-center rounded-full border [&::-webkit-details-marker]:hidden">
        <ShareIcon name="share" />
        <span className="sr-only">Share</span>
      </summary>
      <div className="bg-page border-rule absolute inset-x-0 bottom-full z-10 mb-2 rounded-xl border p-2 shadow-lg">
        <ShareBar target={target} />
      </div>
    </details>
  );
}
