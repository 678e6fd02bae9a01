import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { nextRuntime } from "@/lib/config/env";
import { audioAnswer, getNarrationFile } from "@/lib/site/listen";

type Context = { params: Promise<{ section: string; slug: string; file: string }> };

// Per request: whether the story is public (and these are its words) changes without a build.
export const dynamic = "force-dynamic";

/**
 * A story's narration, whole or one byte range. A serving process answers these in front of Next.js
 * (lib/server/audio-door.ts, with Content-Length, which Next.js strips from a route's response);
 * this route answers only where no door is installed (`next dev`).
 */
export async function GET(request: Request, { params }: Context) {
  // A serving process answers these in its door; what reaches here is an address the door did not
  // recognise (another spelling of it): not served, rather than served without a length.
  if (nextRuntime.serving) return new Response("Not found", { status: 404 });
  const { section, slug, file } = await params;
  const hash = /^([0-9a-f]{32})\.mp3$/.exec(file)?.[1];
  const found = hash ? await getNarrationFile(section, slug, hash) : undefined;
  const size = found
    ? await stat(found.file).then(
        (s) => s.size,
        () => undefined,
      )
    : undefined;
  if (!found || size === undefined) return new Response("Not found", { status: 404 });
  const a = audioAnswer(size, request.headers.get("range"));
  if (!a.range || size === 0) return new Response(null, { status: a.status, headers: a.headers });
  // Streamed, never read whole into memory.
  const stream = createReadStream(found.file, { start: a.range.start, end: a.range.end });
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      stream.on("data", (chunk) =>
        controller.enqueue(typeof chunk === "string" ? Buffer.from(chunk) : chunk),
      );
      stream.on("end", () => controller.close());
      stream.on("error", (error) => controller.error(error));
    },
    cancel() {
      stream.destroy();
    },
  });
  return new Response(body, { status: a.status, headers: a.headers });
}
