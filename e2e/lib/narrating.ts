import { expect, test } from "@playwright/test";
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
  return {
    /** The running server (inside tests and hooks). */
    server: (): ExtraServer => {
      if (!box.server) throw new Error("the narrating server is not started yet");
      return box.server;
    },
    publish: (story: Story) => {
      published.push(story.slug);
      publishStory(story);
    },
  };
}
