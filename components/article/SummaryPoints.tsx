import clsx from "clsx";

/**
 * The editor's summary points. As "cards" they replace the body in the summary view; as a "box" they
 * sit above the body on wide screens in the full view.
 */
export function SummaryPoints({ points, variant }: { points: string[]; variant: "cards" | "box" }) {
  const headingId = `summary-${variant}`;
  return (
    <section
      aria-labelledby={headingId}
      className={clsx(variant === "box" && "border-rule mb-8 hidden rounded border p-5 lg:block")}
    >
      <h2 id={headingId} className={clsx("font-sans font-bold", variant === "cards" ? "sr-only" : "text-lg")}>
        {variant === "cards" ? "Summary" : "Key points"}
      </h2>
      <ol className={variant === "cards" ? "space-y-3" : "mt-2 list-disc space-y-2 pl-5"}>
        {points.map((point, i) => (
          <li
            key={point}
            className={
              variant === "cards"
                ? "bg-panel border-rule flex gap-3 rounded-lg border p-4 font-serif text-lg leading-snug"
                : "font-serif"
            }
          >
            {variant === "cards" ? (
              <span aria-hidden="true" className="text-accent font-sans text-sm font-bold tabular-nums">
                {i + 1}
              </span>
            ) : null}
            <span>{point}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
