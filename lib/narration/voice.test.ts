import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findModel } from "./model.mjs";
import { checkNeuralVoice } from "./voice";

/** A voice folder laid out as sherpa-onnx's Piper releases are, with `files` written into it. */
function voiceFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "voice-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const PIPER = {
  "en_US-amy-low.onnx": "not a model",
  "tokens.txt": "_ 0\n",
  "espeak-ng-data/phontab": "",
  "espeak-ng-data/phonindex": "",
  "espeak-ng-data/phondata": "",
  "espeak-ng-data/intonations": "",
};

describe("findModel (NARRATION_MODEL's folder)", () => {
  it("finds a Piper voice's files, and Kokoro's by its voices.bin", () => {
    const dir = voiceFolder(PIPER);
    expect(findModel(dir)).toMatchObject({
      kind: "vits",
      model: path.join(dir, "en_US-amy-low.onnx"),
      tokens: path.join(dir, "tokens.txt"),
      dataDir: path.join(dir, "espeak-ng-data"),
    });
    expect(findModel(voiceFolder({ ...PIPER, "voices.bin": "" }))).toMatchObject({ kind: "kokoro" });
  });

  it("says in the operator's words what is missing", () => {
    const missing = (files: Record<string, string>) => String(findModel(voiceFolder(files)));
    expect(String(findModel("/no/such/voice"))).toBe("Error: NARRATION_MODEL=/no/such/voice: no such folder");
    expect(missing({ "tokens.txt": "" })).toMatch(/expected one \.onnx model file, found none/);
    expect(missing({ ...PIPER, "b.onnx": "" })).toMatch(
      /found b\.onnx, en_US-amy-low\.onnx|found en_US-amy-low\.onnx, b\.onnx/,
    );
    expect(missing({ "m.onnx": "", "espeak-ng-data/phontab": "" })).toMatch(/tokens\.txt is missing/);
    const noData = voiceFolder({ "m.onnx": "", "tokens.txt": "" });
    expect(String(findModel(noData))).toMatch(/espeak-ng-data\/ \(with phontab\) is missing/);
    const file = path.join(voiceFolder(PIPER), "tokens.txt");
    expect(String(findModel(file))).toMatch(/is not a folder/);
  });
});

describe("checkNeuralVoice (the server's start-up)", () => {
  it("stops at a missing folder without starting anything", () => {
    expect(checkNeuralVoice("/no/such/voice")).toBe("NARRATION_MODEL=/no/such/voice: no such folder");
  });

  it("loads the model in a child process: a file onnxruntime cannot read is a message, not a crash", () => {
    // onnxruntime aborts the process that loads this file (SIGABRT): here that is the child's.
    const problem = checkNeuralVoice(voiceFolder(PIPER));
    expect(problem).toMatch(
      /^NARRATION_MODEL=.*: the voice cannot be loaded \((killed by SIGABRT|exit \d+)\)/,
    );
    expect(problem).toMatch(/Protobuf parsing failed|Load model/);
  }, 60_000);
});
