/**
 * Narrations answered in front of Next.js, as the beacons are (beacon-door.ts): Next.js strips
 * Content-Length from a route's response, and players and podcast apps want it (issue 24). GET and
 * HEAD of `/{section}/{slug}/listen/{hash}.mp3` (a story's narration, whole or its summary's) and
 * `/fast/listen/{hash}.mp3` (the FAST briefing) are answered here from the file, whole or one byte
 * range, for a story public now whose words have that hash, or the briefing the FAST page offers;
 * 404 otherwise. Before the content is
 * read, and for every other request, the request goes on unchanged.
 */
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { audioAnswer, audioPath, type AudioAddress } from "@/lib/narration/serve";
import { installFrontDoor, pathOf } from "./front-door";

type FindFile = (address: AudioAddress) => Promise<string | undefined>;

export function installAudioDoor(ready: () => boolean, findFile: FindFile): void {
  installFrontDoor((request, response) => {
    const named = audioPath(pathOf(request.url));
    if (!named || (request.method !== "GET" && request.method !== "HEAD") || !ready()) return false;
    void answer(request, response, named, findFile).catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
    return true;
  });
}

async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  address: AudioAddress,
  findFile: FindFile,
) {
  const file = await findFile(address);
  const size = file
    ? await stat(file).then(
        (s) => s.size,
        () => undefined,
      )
    : undefined;
  if (!file || size === undefined) {
    // Not no-store: the shipped nginx would then keep its copy of the audio and serve it stale for
    // ever once the story is gone. A 404 it may keep (a second, as a page's) replaces that copy.
    response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "max-age=0" });
    response.end("Not found");
    return;
  }
  const range = request.headers.range;
  const a = audioAnswer(size, typeof range === "string" ? range : null);
  response.writeHead(a.status, a.headers);
  if (request.method === "HEAD" || !a.range || size === 0) return void response.end();
  // The reader may have gone while the file was looked up (players abort at every seek).
  if (response.destroyed) return;
  // pipeline, not pipe: a reader who goes away closes the file too (pipe would leave it open).
  pipeline(createReadStream(file, { start: a.range.start, end: a.range.end }), response, () => undefined);
}
