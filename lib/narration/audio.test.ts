import { MPEGDecoder } from "mpg123-decoder";
import { beforeAll, describe, expect, it } from "vitest";
import { compileFlite, encodeMp3, forFlite, speak, speakParts, type Pcm } from "./audio.mjs";

const TEXT =
  "Leaders meet for climate summit as talks on funding stall. " +
  "Ministers from forty countries gathered on Monday to agree how much money poorer nations " +
  "should receive to cope with floods, storms and droughts, but the first day ended without a deal.";
const WORDS = TEXT.split(/\s+/).length;

/** Root mean square of samples scaled to -1..1. */
function rms(samples: ArrayLike<number>, scale: number): number {
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += ((samples[i] ?? 0) / scale) ** 2;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

let pcm: Pcm;
beforeAll(async () => {
  pcm = speak(await compileFlite(), "slt", TEXT);
}, 60_000);

describe("speak (Flite through WASI)", () => {
  it("says the words at a speaking pace: 0.2-0.6 s a word", () => {
    const seconds = pcm.samples.length / pcm.rate;
    expect(pcm.rate).toBe(16_000);
    expect(seconds).toBeGreaterThan(WORDS * 0.2);
    expect(seconds).toBeLessThan(WORDS * 0.6);
  });

  it("is speech, not silence: loud windows and quiet gaps between them", () => {
    const window = pcm.rate / 10;
    const levels: number[] = [];
    for (let i = 0; i + window <= pcm.samples.length; i += window)
      levels.push(rms(pcm.samples.subarray(i, i + window), 32768));
    const sorted = [...levels].sort((a, b) => a - b);
    const loud = sorted[Math.floor(sorted.length * 0.8)] ?? 0;
    const quiet = sorted[Math.floor(sorted.length * 0.1)] ?? 0;
    expect(loud).toBeGreaterThan(0.02);
    expect(loud).toBeGreaterThan(quiet * 4);
  });
});

describe("encodeMp3", () => {
  it("decodes to the same length of sound, about 48 kbps, and still not silence", async () => {
    const mp3 = encodeMp3(pcm, 48);
    const decoder = new MPEGDecoder();
    await decoder.ready;
    const decoded = decoder.decode(new Uint8Array(mp3));
    decoder.free();
    const seconds = pcm.samples.length / pcm.rate;
    const decodedSeconds = decoded.samplesDecoded / decoded.sampleRate;
    expect(decoded.errors).toEqual([]);
    expect(decoded.sampleRate).toBe(16_000);
    expect(Math.abs(decodedSeconds - seconds)).toBeLessThan(0.2);
    expect((mp3.length * 8) / seconds / 1000).toBeGreaterThan(40);
    expect((mp3.length * 8) / seconds / 1000).toBeLessThan(56);
    expect(rms(decoded.channelData[0] ?? new Float32Array(), 1)).toBeGreaterThan(0.01);
  });
});

describe("speakParts (the FAST briefing: stories one after another)", () => {
  it("puts the pause's silence between parts, and none before the first or after the last", () => {
    const say = (text: string): Pcm => ({ rate: 10, samples: new Int16Array(text.length).fill(1000) });
    const out = speakParts(say, ["abc", "de", "f"], 0.5);
    expect(out.rate).toBe(10);
    expect([...out.samples]).toEqual([1000, 1000, 1000, 0, 0, 0, 0, 0, 1000, 1000, 0, 0, 0, 0, 0, 1000]);
    expect([...speakParts(say, ["ab"], 0.5).samples]).toEqual([1000, 1000]);
  });

  it("refuses parts spoken at different rates (the pause would be the wrong length)", () => {
    let rate = 8;
    const say = (): Pcm => ({ rate: (rate *= 2), samples: new Int16Array(4) });
    expect(() => speakParts(say, ["a", "b"], 1)).toThrow(/different rates/);
  });
});

describe("forFlite", () => {
  it("turns typographic punctuation plain and drops what Flite cannot read", () => {
    expect(forFlite("“Yes,” she said — it’s São Paulo… ✓")).toBe('"Yes," she said ,  it\'s Sao Paulo... ');
  });
});
