import type { ShareTarget } from "@/lib/share/links";
import { ShareBar } from "./ShareBar";
import { ShareIcon } from "./ShareIcon";

/**
 * A FAST card's share bar, in the markup once. On a phone, one "Share" control opens it above the
 * card's control row (a row of eight share targets would cost the card its last lines): a native
 * disclosure (<details>), so it opens by touch, keyboard and screen reader with JavaScript off, and
 * says whether it is open. From the `sm` breakpoint the control is hidden and the bar is shown in
 * place, on its own row below the controls, by un-hiding the closed <details>' content
 * (::details-content); a browser without that selector shows the phone's disclosure instead.
 * Put it last in a positioned, wrapping flex row: the phone's panel is placed against that row.
 */
export function ShareDisclosure({ target }: { target: ShareTarget }) {
  return (
    <details className="sm:basis-full sm:[&::details-content]:[content-visibility:visible]">
      <summary className="border-rule hover:border-ink bg-page inline-flex size-11 cursor-pointer list-none items-center justify-center rounded-full border sm:hidden [&::-webkit-details-marker]:hidden">
        <ShareIcon name="share" />
        <span className="sr-only">Share</span>
      </summary>
      <div className="bg-page border-rule absolute inset-x-0 bottom-full z-10 mb-2 rounded-xl border p-2 shadow-lg sm:static sm:mt-2 sm:mb-0 sm:rounded-none sm:border-x-0 sm:border-t sm:border-b-0 sm:bg-transparent sm:px-0 sm:pt-4 sm:pb-0 sm:shadow-none">
        <ShareBar target={target} />
      </div>
    </details>
  );
}
