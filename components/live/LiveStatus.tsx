import type { LiveView } from "@/lib/content/live-view";

/** The Live mark with the time of the newest update, or the notice that coverage has ended. */
export function LiveStatus({ view }: { view: LiveView }) {
  if (view.ended) {
    return (
      <p className="live-ended" role="note">
        This live coverage has ended{view.endedLabel ? ` (${view.endedLabel})` : ""}.
      </p>
    );
  }
  return (
    <p className="flex items-center gap-2 text-sm">
      <span className="live-mark">Live</span>
      {view.updated && view.updatedLabel ? (
        <span className="text-muted">
          Updated <time dateTime={view.updated}>{view.updatedLabel}</time>
        </span>
      ) : null}
    </p>
  );
}
