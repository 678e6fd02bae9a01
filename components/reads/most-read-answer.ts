/** The answer of /most-read.json as the island (and the e2e suite) reads it: checked, never cast. */
export type MostReadItem = { path: string; title: string; section: string };

function isItem(v: unknown): v is MostReadItem {
  return (
    typeof v === "object" &&
    v !== null &&
    "path" in v &&
    typeof v.path === "string" &&
    // A story's path on this site, nothing else: /{section}/{slug}.
    /^\/[a-z0-9-]+\/[a-z0-9-]+$/.test(v.path) &&
    "title" in v &&
    typeof v.title === "string" &&
    "section" in v &&
    typeof v.section === "string"
  );
}

/** The stories of an answer, or undefined for anything that is not one. */
export function parseMostRead(body: unknown): MostReadItem[] | undefined {
  if (typeof body !== "object" || body === null || !("stories" in body) || !Array.isArray(body.stories))
    return undefined;
  const stories: unknown[] = body.stories;
  return stories.every(isItem) ? stories : undefined;
}
