/**
 * The narrations made (issue 24, ADR 0016): files in DATA_DIR/narration, named by a hash of the words
 * and the voice, so a restart or a second instance sharing the folder finds what is made. A file
 * counts once its sidecar (`{hash}.mp3.json`: length, bytes, when made) is there.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/config/env";
import { processSingleton } from "@/lib/runtime/singleton";
import { voiceKey } from "./voice";

/** A made narration: its length, bytes and file, and when it was made (ISO). */
export type Narration = { hash: string; seconds: number; bytes: number; file: string; made: string };

/** What to speak: parts read one after another, a pause between them. */
export type Words = { hash: string; parts: string[] };

/** Narrations known made, by hash (a page render or an audio request reads no file for them). */
const known = () => processSingleton("narration.known", () => new Map<string, Narration>());

export function narrationDir(): string {
  return path.join(env.dataDir, "narration");
}

/** The address of these words read by this site's voice. */
export function wordsOf(parts: string[]): Words {
  const hash = createHash("sha256")
    .update(`${voiceKey()}\n${parts.join("\n\n\u241e\n\n")}`)
    .digest("hex")
    .slice(0, 32);
  return { hash, parts };
}

/** The narration made for this hash, if any (a file whose sidecar is whole). */
export function readMade(hash: string): Narration | undefined {
  const found = known().get(hash);
  if (found) return found;
  const file = path.join(narrationDir(), `${hash}.mp3`);
  try {
    const meta: unknown = JSON.parse(readFileSync(`${file}.json`, "utf8"));
    if (!isMeta(meta)) return undefined;
    const made = { hash, seconds: meta.seconds, bytes: meta.bytes, file, made: meta.made ?? "" };
    known().set(hash, made);
    return made;
  } catch {
    return undefined;
  }
}

/** A narration's file removed (lib/narration/sweep.ts): no longer known. */
export function forgetMade(hash: string): void {
  known().delete(hash);
}

function isMeta(v: unknown): v is { seconds: number; bytes: number; made?: string } {
  return (
    typeof v === "object" &&
    v !== null &&
    "seconds" in v &&
    "bytes" in v &&
    typeof v.seconds === "number" &&
    typeof v.bytes === "number" &&
    (!("made" in v) || typeof v.made === "string")
  );
}
