import { describe, expect, it } from "vitest";
import { audioAnswer, audioPath } from "./serve";

const HASH = "0123456789abcdef0123456789abcdef";

describe("audioPath", () => {
  it("names the story and the hash of a narration's address", () => {
    expect(audioPath(`/world/some-story/listen/${HASH}.mp3`)).toEqual({
      section: "world",
      slug: "some-story",
      hash: HASH,
    });
  });

  it("names the FAST briefing's", () => {
    expect(audioPath(`/fast/listen/${HASH}.mp3`)).toEqual({ briefing: true, hash: HASH });
  });

  it("is nothing for any other path", () => {
    for (const p of [
      `/world/some-story/listen/${HASH}.wav`,
      `/world/some-story/listen/${HASH.toUpperCase()}.mp3`,
      `/world/some-story/listen/${HASH.slice(1)}.mp3`,
      `/world/../listen/${HASH}.mp3`,
      `/world/some%2Fstory/listen/${HASH}.mp3`,
      `/world/some-story/listen/${HASH}.mp3/`,
      "/world/some-story",
      `/fast/listen/${HASH}.mp3x`,
      `/fast/listen/x/${HASH}.mp3`,
      `/fast//listen/${HASH}.mp3`,
    ])
      expect(audioPath(p), p).toBeUndefined();
  });
});

describe("audioAnswer", () => {
  it("sends the whole file with its length", () => {
    const a = audioAnswer(1000, null);
    expect(a.status).toBe(200);
    expect(a.range).toEqual({ start: 0, end: 999 });
    expect(a.headers["Content-Length"]).toBe("1000");
    expect(a.headers["Content-Type"]).toBe("audio/mpeg");
    expect(a.headers["Cache-Control"]).toBe("public, max-age=31536000, immutable");
    expect(a.headers["Content-Range"]).toBeUndefined();
  });

  it("sends one range as 206", () => {
    const a = audioAnswer(1000, "bytes=100-199");
    expect(a.status).toBe(206);
    expect(a.range).toEqual({ start: 100, end: 199 });
    expect(a.headers["Content-Length"]).toBe("100");
    expect(a.headers["Content-Range"]).toBe("bytes 100-199/1000");
  });

  it("answers 416 with the size for a range past the end", () => {
    const a = audioAnswer(1000, "bytes=1000-");
    expect(a.status).toBe(416);
    expect(a.range).toBeUndefined();
    expect(a.headers["Content-Range"]).toBe("bytes */1000");
  });
});
