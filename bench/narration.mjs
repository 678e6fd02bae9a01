#!/usr/bin/env node
/**
 * `npm run bench:narration` (issue 24): the narration engine on this machine. The seed story's
 * spoken text (lib/narration/speech.ts) read by each of Flite's voices, then encoded as the site
 * serves it (mono MP3, 48 kbps): seconds of audio, CPU seconds, audio seconds per CPU second, bytes.
 * One thread, as the worker does it (the worker runs at nice 19 beside the server).
 *
 * The other engine that installs from npm and downloads nothing, eSpeak-NG compiled by Emscripten, is
 * compared too when it is there: `npm install --no-save @echogarden/espeak-ng-emscripten@0.3.5`
 * (GPL-3.0, so not a dependency of the site; docs/BENCHMARKS.md says why Flite stays).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { compileFlite, encodeMp3, speak } from "../lib/narration/audio.mjs";
import { spokenText } from "../lib/narration/speech.ts";

const dir = path.join("content", "world");
const file = readdirSync(dir).find((f) => f.endsWith(".md"));
const { data, content } = matter(readFileSync(path.join(dir, file), "utf8"));
const text = spokenText({
  title: String(data.title),
  standfirst: String(data.standfirst),
  body: content,
  dateline: data.dateline ? String(data.dateline) : undefined,
  summary: data.summary,
  corrections: data.corrections ?? [],
});
const words = text.split(/\s+/).length;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

let t = cpu();
const wasm = await compileFlite();
console.log(`narration: Flite compiled in ${(cpu() - t).toFixed(2)} CPU s; the seed story: ${words} words`);
console.log("\n| voice | audio s | speak CPU s | encode CPU s | audio s per CPU s | MP3 bytes | kbps |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const voice of ["slt", "awb", "rms", "kal16", "kal"]) {
  t = cpu();
  const pcm = speak(wasm, voice, text);
  const spoke = cpu() - t;
  t = cpu();
  const mp3 = encodeMp3(pcm, 48);
  const encoded = cpu() - t;
  const seconds = pcm.samples.length / pcm.rate;
  console.log(
    `| ${voice} | ${seconds.toFixed(1)} | ${spoke.toFixed(2)} | ${encoded.toFixed(2)} | ${(seconds / (spoke + encoded)).toFixed(0)} | ${mp3.length} | ${((mp3.length * 8) / seconds / 1000).toFixed(1)} |`,
  );
}

/** eSpeak-NG's rows, when the package is installed (see above); none otherwise. */
async function espeakRows() {
  let Module;
  try {
    Module = (await import("@echogarden/espeak-ng-emscripten")).default;
  } catch {
    console.log(
      "\n(eSpeak-NG not installed: `npm install --no-save @echogarden/espeak-ng-emscripten@0.3.5` adds it)",
    );
    return;
  }
  const engine = await Module();
  const worker = new engine.eSpeakNGWorker();
  for (const voice of ["gmw/en-US", "gmw/en"]) {
    if (worker.set_voice(voice) !== 0) throw new Error(`eSpeak-NG has no voice ${voice}`);
    t = cpu();
    const chunks = [];
    worker.synthesize(text, (samples) => {
      if (samples) chunks.push(samples);
      return false; // go on
    });
    const spoke = cpu() - t;
    const samples = new Int16Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((at, c) => (samples.set(c, at), at + c.length), 0);
    t = cpu();
    const mp3 = encodeMp3({ samples, rate: worker.samplerate }, 48);
    const encoded = cpu() - t;
    const seconds = samples.length / worker.samplerate;
    console.log(
      `| espeak-ng ${voice} | ${seconds.toFixed(1)} | ${spoke.toFixed(2)} | ${encoded.toFixed(2)} | ${(seconds / (spoke + encoded)).toFixed(0)} | ${mp3.length} | ${((mp3.length * 8) / seconds / 1000).toFixed(1)} |`,
    );
  }
}
await espeakRows();
