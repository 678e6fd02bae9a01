/**
 * The narration's voice (issue 24): Flite's built-in voice (NARRATION_VOICE), or an operator's neural
 * voice (NARRATION_MODEL, a Piper or Kokoro folder for sherpa-onnx-node: lib/narration/model.mjs).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { env } from "@/lib/config/env";
import { processSingleton } from "@/lib/runtime/singleton";
import { findModel } from "./model.mjs";

const CHECK_FILE = path.join(/* turbopackIgnore: true */ process.cwd(), "lib/narration/voice-check.mjs");

/**
 * What names the voice in a narration's hash: another voice's narration is another file. A model is
 * named by its file's name and size (a different model at the same path is a different voice).
 */
export function voiceKey(): string {
  const dir = env.narrationModel;
  if (!dir) return env.narrationVoice;
  return processSingleton("narration.voiceKey", () => {
    const found = findModel(dir);
    return found instanceof Error ? `model:${dir}` : `model:${path.basename(found.model)}:${found.bytes}`;
  });
}

/**
 * Loads the operator's model once in a child process and has it speak a word: undefined when it
 * speaks, else why not, for the start-up to stop with. A file that is not a model aborts the process
 * that loads it (onnxruntime's native abort), hence the child: never the server, never mid-queue.
 */
export function checkNeuralVoice(dir: string, timeoutMs = 120_000): string | undefined {
  const found = findModel(dir);
  if (found instanceof Error) return found.message;
  const run = spawnSync(process.execPath, [CHECK_FILE, dir], { encoding: "utf8", timeout: timeoutMs });
  if (run.status === 0) return undefined;
  // Its first lines (a missing native build says so there) and its last (the model's error).
  const lines = `${run.stderr}`.trim().split("\n").filter(Boolean);
  const said = (lines.length > 5 ? [...lines.slice(0, 2), "…", ...lines.slice(-3)] : lines).join(" / ");
  const how = run.error ? String(run.error) : run.signal ? `killed by ${run.signal}` : `exit ${run.status}`;
  return `NARRATION_MODEL=${dir}: the voice cannot be loaded (${how}): ${said || "no message"}`;
}
