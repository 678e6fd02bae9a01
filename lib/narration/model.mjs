/**
 * An operator's neural voice (issue 24): NARRATION_MODEL names a folder downloaded from
 * sherpa-onnx's releases, a Piper voice (VITS: `*.onnx`, `tokens.txt`, `espeak-ng-data/`) or Kokoro
 * (the same with `voices.bin`). Shared by the start-up's check (lib/narration/voice.ts,
 * voice-check.mjs) and the loader (neural.mjs). No sherpa-onnx here: the server's bundles import
 * this file, and the native addon is loaded only by the worker and the check, outside them.
 *
 * Plain JavaScript: the worker and the check are loaded by path at run time, outside Next.js's bundles.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * The model's files in `dir`, or an Error saying, in the operator's words, what is missing.
 * @param {string} dir
 */
export function findModel(dir) {
  const fail = (what) => new Error(`NARRATION_MODEL=${dir}: ${what}`);
  let names;
  try {
    if (!statSync(dir).isDirectory()) return fail("is not a folder (it names the voice's unpacked folder)");
    names = readdirSync(dir);
  } catch {
    return fail("no such folder");
  }
  const onnx = names.filter((n) => n.endsWith(".onnx"));
  if (onnx.length !== 1)
    return fail(`expected one .onnx model file, found ${onnx.length ? onnx.join(", ") : "none"}`);
  const file = (name) => path.join(dir, name);
  if (!existsSync(file("tokens.txt"))) return fail("tokens.txt is missing");
  const dataDir = file("espeak-ng-data");
  if (!existsSync(path.join(dataDir, "phontab"))) return fail("espeak-ng-data/ (with phontab) is missing");
  const model = file(onnx[0]);
  const bytes = statSync(model).size;
  const kind = existsSync(file("voices.bin")) ? "kokoro" : "vits";
  return { kind, model, bytes, tokens: file("tokens.txt"), dataDir, voices: file("voices.bin") };
}
