import { FAST_MARKER, fastCardPath } from "@/lib/fast/paths";

/**
 * Shown only when the story was opened from its FAST card (URL fragment #fast, matched by CSS :target),
 * so it works with JavaScript off and the page stays prerendered. Worded for mouse or touch by CSS.
 */
export function FastReturn({ slug }: { slug: string }) {
  return (
    <p id={FAST_MARKER} className="fast-return mb-3">
      <a
        href={fastCardPath(slug)}
        className="bg-ink text-page inline-flex min-h-11 items-center gap-2 rounded-full px-4 text-sm font-semibold"
      >
        <span aria-hidden="true">←</span>
        <span className="when-fine-pointer">Click here to return to FAST</span>
        <span className="when-coarse-pointer">Tap here to return to FAST</span>
      </a>
    </p>
  );
}
