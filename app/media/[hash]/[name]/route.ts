import { promises as fs } from "node:fs";
import path from "node:path";
import { getMediaForReader } from "@/lib/site/api";

type Context = { params: Promise<{ hash: string; name: string }> };

// Answered per request, never from the page cache: whether a photo may be served changes without a
// publish (its file swapped for a link out of the content folders, a story taken down), and the
// check is a map lookup and one realpath. nginx and browsers still keep what it serves.
export const dynamic = "force-dynamic";

const TYPES: Record<string, string> = {
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
  ".avif": "image/avif",
};

/**
 * Serves content images by their hashed URL; the URL is only a key into the validated content index.
 * Readers get public stories' photos; preview also the photos of stories not yet public.
 */
export async function GET(_request: Request, { params }: Context) {
  const { hash, name } = await params;
  const found = await getMediaForReader(`/media/${hash}/${name}`);
  if (!found) return new Response("Not found", { status: 404 });
  // The file can vanish between a change on disk and the index catching up: that is a 404, not a 500.
  const bytes = await fs.readFile(found.file).catch(() => undefined);
  if (!bytes) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": TYPES[path.extname(found.file).toLowerCase()] ?? "application/octet-stream",
      // A photo only preview may see is the editor's alone: stored by neither nginx nor the browser,
      // so readers keep getting 404 at this address until the story is public.
      "Cache-Control": found.preview ? "private, no-store" : "public, max-age=31536000, immutable",
    },
  });
}
