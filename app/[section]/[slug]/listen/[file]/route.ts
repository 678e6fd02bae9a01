import { open } from "node:fs/promises";
import { audioAnswer, getNarrationFile } from "@/lib/site/listen";

type Context = { params: Promise<{ section: string; slug: string; file: string }> };

// Per request: whether the story is public (and these are its words) changes without a build.
export const dynamic = "force-dynamic";

/**
 * A story's narration, whole or one byte range. A serving process answers these in front of Next.js
 * (lib/server/audio-door.ts, with Content-Length, which Next.js strips from a route's response);
 * this route answers where no door is installed (`next dev`).
 */
export async function GET(request: Request, { params }: Context) {
  const { section, slug, file } = await params;
  const hash = /^([0-9a-f]{32})\.mp3$/.exec(file)?.[1];
  const found = hash ? await getNarrationFile(section, slug, hash) : undefined;
  const handle = found ? await open(found.file).catch(() => undefined) : undefined;
  if (!handle) return new Response("Not found", { status: 404 });
  try {
    const a = audioAnswer((await handle.stat()).size, request.headers.get("range"));
    if (!a.range) return new Response(null, { status: a.status, headers: a.headers });
    const body = Buffer.alloc(a.range.end - a.range.start + 1);
    await handle.read(body, 0, body.length, a.range.start);
    return new Response(new Uint8Array(body), { status: a.status, headers: a.headers });
  } finally {
    await handle.close();
  }
}
