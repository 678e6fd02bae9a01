import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { E2E_PREVIEW_SECRET, E2E_REVALIDATE_SECRET, baseURL } from "../playwright.config";
import { hasNginx, startProxy } from "./lib/nginx";
import { clearLiveContent, newStory, publishStory } from "./lib/publish";
import { startExtraServer } from "./lib/server";

/**
 * Publishing as an operator runs the site: two `next start` instances on the same content folder, one
 * upstream in the shipped deploy/nginx.conf.
 */

test.skip(({ isMobile }) => isMobile, "publishing is the server's; one browser is enough");

/** The trigger loop docs/DEPLOY.md gives a pipeline ("The trigger"), as a shell script. */
function triggerLoop(doc: string): string {
  const found = /```sh\n(for port in [^\n]*\n[^`]*\/api\/revalidate[^`]*done)\n```/.exec(
    readFileSync(doc, "utf8"),
  );
  if (!found?.[1]) throw new Error(`${doc} has no trigger loop`);
  return found[1];
}
test.afterEach(async ({ request }) => clearLiveContent(request));

test("two instances behind the shipped nginx: a change shows on both, and through the proxy within its bound", async ({
  request,
}) => {
  test.skip(!hasNginx() && !process.env.CI, "nginx is not installed (CI installs it)");
  test.setTimeout(90_000);
  const second = startExtraServer(3191);
  let proxy: Awaited<ReturnType<typeof startProxy>> | undefined;
  try {
    await expect
      .poll(async () => (await fetch(`${second.url}/health`).catch(() => undefined))?.status, {
        timeout: 30_000,
      })
      .toBe(200);
    proxy = await startProxy(8091, [Number(new URL(baseURL).port), 3191]);
    const via = (path: string) => fetch(`${proxy?.url}${path}`);
    // Warm the proxy's cache with the section page as readers would.
    for (let i = 0; i < 4; i += 1) await via("/world");

    const s = newStory();
    publishStory(s);
    for (const origin of [baseURL, second.url]) {
      await expect
        .poll(async () => (await fetch(`${origin}/world/${s.slug}`)).status, { timeout: 10_000 })
        .toBe(200);
      expect(await (await fetch(`${origin}/world`)).text()).toContain(s.slug);
    }
    // docs/DEPLOY.md states the bound: nginx's 10 s lifetime plus one background refresh.
    await expect
      .poll(async () => (await (await via("/world")).text()).includes(s.slug), {
        timeout: 25_000,
        intervals: [1000],
      })
      .toBe(true);
    await expect.poll(async () => (await via(`/world/${s.slug}`)).status, { timeout: 25_000 }).toBe(200);

    // A preview through the proxy is never stored for the next reader.
    const draft = newStory({ draft: true });
    publishStory(draft);
    await new Promise((r) => setTimeout(r, 1_000));
    const enable = await fetch(`${proxy.url}/api/preview?secret=${E2E_PREVIEW_SECRET}&path=/`, {
      redirect: "manual",
    });
    const cookie = (enable.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(cookie).toMatch(/^__prerender_bypass=/);
    const previewed = await fetch(`${proxy.url}/world/${draft.slug}`, { headers: { cookie } });
    expect(previewed.status).toBe(200);
    expect(previewed.headers.get("x-cache")).toBe("BYPASS");
    expect((await via(`/world/${draft.slug}`)).status).toBe(404);
  } finally {
    await proxy?.stop();
    second.kill();
  }
  expect((await request.get("/health")).status()).toBe(200);
});

test("the trigger loop docs/DEPLOY.md and docs/CONTENT.md give refreshes every instance", async () => {
  test.setTimeout(60_000);
  const loop = triggerLoop("docs/DEPLOY.md");
  expect(triggerLoop("docs/CONTENT.md")).toBe(loop);
  const second = startExtraServer(3191);
  try {
    await expect
      .poll(async () => (await fetch(`${second.url}/health`).catch(() => undefined))?.status, {
        timeout: 30_000,
      })
      .toBe(200);
    // As written, with this suite's two ports for the doc's example ports.
    const script = loop.replace("3000 3001", `${new URL(baseURL).port} 3191`);
    const run = spawnSync("bash", ["-c", script], {
      env: { ...process.env, REVALIDATE_SECRET: E2E_REVALIDATE_SECRET },
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.match(/\{"ok":true/g)?.length, run.stdout).toBe(2);
  } finally {
    second.kill();
  }
});
