/**
 * The editor's summary points. As "cards" they replace the body in the summary view; as a "box" they
 * sit above the body in the full view.
 *
 * The box is a native disclosure (<details>): collapsed under "Key points" below the `lg` width, so a
 * phone reader has them one tap away without them pushing the story down (issue 28), and it opens by
 * touch, keyboard and screen reader with JavaScript off. From `lg` the control is hidden and the points
 * are shown in place under a heading, by un-hiding the closed <details>' content (::details-content,
 * as components/share/ShareDisclosure.tsx does); a browser without that selector shows the disclosure.
 */
export function SummaryPoints({ points, variant }: { points: string[]; variant: "cards" | "box" }) {
  if (variant === "box") {
    return (
      <details className="group border-rule mb-3 rounded border lg:mb-8 lg:p-5 lg:[&::details-content]:[content-visibility:visible]">
        <summary className="flex min-h-10 cursor-pointer list-none items-center gap-2 px-4 font-sans font-bold lg:hidden [&::-webkit-details-marker]:hidden">
          <svg
            viewBox="0 0 20 20"
            width="16"
            height="16"
            aria-hidden="true"
            focusable="false"
            fill="currentColor"
            className="transition-transform group-open:rotate-90"
          >
            <path d="M7.3 5.3a1 1 0 0 1 1.4 0l4 4a1 1 0 0 1 0 1.4l-4 4a1 1 0 0 1-1.4-1.4l3.3-3.3-3.3-3.3a1 1 0 0 1 0-1.4Z" />
          </svg>
          Key points
        </summary>
        <h2 className="hidden font-sans text-lg font-bold lg:block">Key points</h2>
        <ol className="list-disc space-y-2 pr-4 pb-4 pl-9 lg:mt-2 lg:p-0 lg:pl-5">
          {points.map((point) => (
            <li key={point} className="font-serif">
              {point}
            </li>
          ))}
        </ol>
      </details>
    );
  }
  return (
    <section aria-labelledby="summary-cards">
      <h2 id="summary-cards" className="sr-only">
        Summary
      </h2>
      <ol className="space-y-3">
        {points.map((point, i) => (
          <li
            key={point}
            className="bg-panel border-rule flex gap-3 rounded-lg border p-4 font-serif text-lg leading-snug"
          >
            <span aria-hidden="true" className="text-accent font-sans text-sm font-bold tabular-nums">
              {i + 1}
            </span>
            <span>{point}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
