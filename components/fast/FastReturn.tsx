import { FAST_MARKER, fastCardPath } from "@/lib/config/paths";

/** The link itself, worded for mouse or touch by CSS. */
export function FastReturnLink({ slug }: { slug: string }) {
  return (
    <a
      href={fastCardPath(slug)}
      className="bg-ink text-page inline-flex min-h-11 items-center gap-2 rounded-full px-4 text-sm font-semibold"
    >
      <span aria-hidden="true">←</span>
      <span className="when-fine-pointer">Click here to return to FAST</span>
      <span className="when-coarse-pointer">Tap here to return to FAST</span>
    </a>
  );
}

/**
 * Shown only when the story was opened from its FAST card (URL fragment #fast, matched by CSS :target),
 * so it works with JavaScript off and the page stays prerendered. At the top of the story it carries
 * the marker; at the end ("end") it is shown by the same :target through :has() (globals.css), so a
 * reader who read to the end need not scroll back up.
 */
export function FastReturn({ slug, at = "top" }: { slug: string; at?: "top" | "end" }) {
  return at === "top" ? (
    <p id={FAST_MARKER} className="fast-return mb-3">
      <FastReturnLink slug={slug} />
    </p>
  ) : (
    <p className="fast-return fast-return-end mt-8">
      <FastReturnLink slug={slug} />
    </p>
  );
}
