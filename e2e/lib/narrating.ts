import { expect, test } from "@playwright/test";
import { MPEGDecoder } from "mpg123-decoder";
import { clearLiveContent, publishStory, removeStory, type Story } from "./publish";
import { startExtraServer, type ExtraServer } from "./server";

/**
 * A server of a spec's own with narration on (the suite's shared server has it off), started before
 * the spec's tests and killed after them, and `publish`, whose stories are removed after each test
 * (one by one: the folders stay, so the watchers keep watching them; the folder is emptied at the
 * end). A failed test gets the server's log attached. Call at a spec's top level.
 */
export function narratingServer(port: number, env: Record<string, string> = {}) {
  const box: { server?: ExtraServer } = {};
  test.beforeAll(async () => {
    const server = (box.server = startExtraServer(port, { NARRATION: "on", ...env }));
    await expect
      .poll(async () => (await fetch(`${server.url}/health`).catch(() => undefined))?.status, {
        timeout: 60_000,
      })
      .toBe(200);
  });
  test.afterAll(() => box.server?.kill());
  const published: string[] = [];
  test.afterEach(async ({}, testInfo) => {
    for (const slug of published.splice(0)) removeStory(slug);
    if (testInfo.status !== testInfo.expectedStatus && box.server)
      await testInfo.attach("server log", { body: box.server.log(), contentType: "text/plain" });
  });
  test.afterAll(async () => clearLiveContent());
  const server = (): ExtraServer => {
    if (!box.server) throw new Error("the narrating server is not started yet");
    return box.server;
  };
  /** The server's answer as text; a kept-alive connection it has just closed is asked again. */
  const text = (p: string) =>
    fetch(`${server().url}${p}`)
      .then((r) => r.text())
      .catch(() => "");
  return {
    /** The running server (inside tests and hooks). */
    server,
    publish: (story: Story) => {
      published.push(story.slug);
      publishStory(story);
    },
    text,
    /** Waits for `find` to find a narration's address in the page at `p` (made, the page refreshed). */
    async waitForAudio(p: string, find: (html: string) => string | undefined, timeout = 90_000) {
      let found = "";
      await expect
        .poll(async () => (found = find(await text(p)) ?? ""), { timeout, intervals: [500] })
        .toMatch(/\/listen\/[0-9a-f]{32}\.mp3$/);
      return found;
    },
    /** The MP3 at `url` decoded: its length in seconds, its samples, and its bytes. */
    async decode(url: string) {
      const response = await fetch(`${server().url}${url}`);
      expect(response.status).toBe(200);
      const mp3 = new Uint8Array(await response.arrayBuffer());
      expect(Number(response.headers.get("content-length"))).toBe(mp3.length);
      const decoder = new MPEGDecoder();
      await decoder.ready;
      const audio = decoder.decode(mp3);
      decoder.free();
      const samples = audio.channelData[0] ?? new Float32Array();
      return {
        seconds: audio.samplesDecoded / audio.sampleRate,
        samples,
        rate: audio.sampleRate,
        bytes: mp3.length,
        mp3,
      };
    },
  };
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** The words of a test story's summary narration (e2e/lib/publish.ts's summary), its headline first. */
export const summaryWords = (title: string) =>
  words(`${title} The first point of this story. The second point. The third point.`);
