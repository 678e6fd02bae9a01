/**
 * The live poll endpoint's answer (app/[section]/[slug]/updates.json) as the browser reads it:
 * outside data, checked field by field, never cast.
 */
import type { KeyEvent, LiveView, UpdateView } from "@/lib/content/live-view";

/** A poll's answer: a LiveView, whose key events may be missing (an answer made before them). */
export type Polled = Omit<LiveView, "keyEvents"> & { keyEvents?: KeyEvent[] };

/** The endpoint's JSON, checked field by field (it is outside data to the browser). */
export function parseLiveView(text: string): Polled | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (
    !isRecord(data) ||
    typeof data.live !== "boolean" ||
    typeof data.more !== "boolean" ||
    !Array.isArray(data.updates)
  )
    return undefined;
  const updates: UpdateView[] = [];
  for (const u of data.updates) {
    const view = toUpdateView(u);
    if (!view) return undefined;
    updates.push(view);
  }
  const keyEvents: KeyEvent[] | undefined = Array.isArray(data.keyEvents) ? [] : undefined;
  for (const e of Array.isArray(data.keyEvents) ? data.keyEvents : []) {
    if (!isRecord(e)) return undefined;
    const { id, title, time, href } = e;
    if (
      typeof id !== "string" ||
      typeof title !== "string" ||
      typeof time !== "string" ||
      typeof href !== "string"
    )
      return undefined;
    keyEvents?.push({ id, title, time, href });
  }
  return {
    live: data.live,
    more: data.more,
    ended: optionalString(data.ended),
    endedLabel: optionalString(data.endedLabel),
    updated: optionalString(data.updated),
    updatedLabel: optionalString(data.updatedLabel),
    updates,
    ...(keyEvents ? { keyEvents } : {}),
  };
}

function toUpdateView(u: unknown): UpdateView | undefined {
  if (!isRecord(u)) return undefined;
  const { id, version, published, time, fullTime, html, permalink, shareUrl, key, pinned } = u;
  if (
    typeof id !== "string" ||
    typeof version !== "string" ||
    typeof published !== "string" ||
    typeof time !== "string" ||
    typeof fullTime !== "string" ||
    typeof html !== "string" ||
    typeof permalink !== "string" ||
    typeof shareUrl !== "string" ||
    typeof key !== "boolean" ||
    typeof pinned !== "boolean" ||
    !Array.isArray(u.corrections)
  ) {
    return undefined;
  }
  const corrections: { date: string; text: string }[] = [];
  for (const c of u.corrections) {
    if (!isRecord(c) || typeof c.date !== "string" || typeof c.text !== "string") return undefined;
    corrections.push({ date: c.date, text: c.text });
  }
  return {
    id,
    version,
    published,
    time,
    fullTime,
    html,
    permalink,
    shareUrl,
    key,
    pinned,
    corrections,
    title: optionalString(u.title),
    byline: optionalString(u.byline),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
