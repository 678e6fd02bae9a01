import http from "node:http";
import { expect, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { hasNginx, startProxy, type Proxy } from "./lib/nginx";

/**
 * What the shipped deploy/nginx.conf keeps and for whom (issue "Hardening, round 3", items 1 and 7):
 * every optimised image is its own cache entry, and the preview cookie is no free pass to Node.
 */
const PROXY_PORT = Number(process.env.E2E_PROXY_CACHE_PORT || 8096);

test.skip(({ isMobile }) => isMobile, "proxy behaviour: one profile is enough");

let proxy: Proxy | undefined;
test.beforeAll(async () => {
  test.skip(!hasNginx() && !process.env.CI, "nginx is not installed (CI installs it)");
  proxy = await startProxy(PROXY_PORT, [Number(new URL(baseURL).port)]);
});
test.afterAll(async () => proxy?.stop());

/** The first /_next/image URL of an article's hero, from the page Node renders. */
async function heroImage(path: string): Promise<string> {
  const html = await (await fetch(`${baseURL}${path}`)).text();
  const found = /\/_next\/image\?url=([^&"]+)&amp;w=\d+&amp;q=(\d+)/.exec(html);
  if (!found) throw new Error(`no optimised image on ${path}`);
  return `/_next/image?url=${found[1]}&w=WIDTH&q=${found[2]}`;
}

async function bytes(origin: string, path: string, accept: string) {
  const res = await fetch(`${origin}${path}`, { headers: { accept } });
  return {
    status: res.status,
    body: Buffer.from(await res.arrayBuffer()),
    cache: res.headers.get("x-cache"),
  };
}

test("through nginx, every image URL answers its own bytes, as Node does, for WebP and plain browsers", async () => {
  const origin = proxy?.url ?? "";
  const photos = [
    await heroImage("/world/us-pressing-mexico-to-allow-us-forces-to-fight-cartels"),
    await heroImage("/asia/fixture-port-reopens-after-storm"),
  ];
  expect(photos[0]).not.toBe(photos[1]);
  const urls = photos.flatMap((p) => ["360", "1600"].map((w) => p.replace("WIDTH", w)));
  for (const accept of ["image/avif,image/webp,image/apng,image/*,*/*;q=0.8", "image/png,image/*;q=0.8"]) {
    // Twice through the proxy: the second answer comes from its cache.
    for (const round of [1, 2]) {
      for (const url of urls) {
        const node = await bytes(baseURL, url, accept);
        const viaProxy = await bytes(origin, url, accept);
        expect(node.status, url).toBe(200);
        expect(viaProxy.status, url).toBe(200);
        expect(viaProxy.body.equals(node.body), `${url} (${accept}), round ${round}`).toBe(true);
        if (round === 2) expect(viaProxy.cache, url).toBe("HIT");
      }
    }
  }
  // A made-up url= answers an error through the proxy, and touches no other image.
  const madeUp = urls[0]?.replace(/url=[^&]+/, "url=%2Fmedia%2F000000000000%2Fnothing.jpg") ?? "";
  expect((await bytes(origin, madeUp, "image/webp")).status).toBeGreaterThanOrEqual(400);
  for (const url of urls) {
    const node = await bytes(baseURL, url, "image/webp");
    const viaProxy = await bytes(origin, url, "image/webp");
    expect(viaProxy.status, url).toBe(200);
    expect(viaProxy.body.equals(node.body), url).toBe(true);
  }
});

/** A GET sent from the given loopback address (Linux routes all of 127.0.0.0/8 to this machine). */
function getFrom(localAddress: string, url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { localAddress, headers, agent: false }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      })
      .on("error", reject);
  });
}

test("a flood of requests with a forged preview cookie: a bounded few reach Node, readers are still served", async () => {
  test.setTimeout(60_000);
  // An upstream that counts what reaches it, behind the shipped config.
  let reached = 0;
  const upstream = http.createServer((_req, res) => {
    reached += 1;
    res.setHeader("Content-Type", "text/html");
    res.end("page");
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  const address = upstream.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const counted = await startProxy(PROXY_PORT + 1, [port]);
  reached = 0; // startProxy's own health check
  try {
    const started = Date.now();
    const statuses: number[] = [];
    for (let i = 0; i < 1000; i += 50) {
      const batch = await Promise.all(
        Array.from({ length: 50 }, (_, j) =>
          fetch(`${counted.url}/world/page-${i + j}`, {
            headers: { cookie: "__prerender_bypass=junk" },
          }).then((r) => r.status),
        ),
      );
      statuses.push(...batch);
    }
    const seconds = (Date.now() - started) / 1000;
    const limited = statuses.filter((s) => s === 429).length;
    // Per address: a burst of 60 plus 10 a second; the flood took `seconds`.
    expect(reached, `${reached} reached Node in ${seconds.toFixed(1)} s`).toBeLessThanOrEqual(
      61 + Math.ceil(seconds * 10),
    );
    expect(limited).toBe(1000 - reached);
    console.log(`bypass flood, one address: ${reached} of 1000 reached Node in ${seconds.toFixed(1)} s`);

    // An editor elsewhere is not locked out by that flood: the limit is per address.
    reached = 0;
    const flood = Promise.all(
      Array.from({ length: 800 }, (_, k) =>
        getFrom(`127.0.0.${2 + (k % 8)}`, `${counted.url}/world/many-${k}`, {
          cookie: "__prerender_bypass=junk",
        }),
      ),
    );
    const editor: number[] = [];
    for (let k = 0; k < 10; k += 1) {
      editor.push(
        await getFrom("127.0.0.10", `${counted.url}/world/editor-${k}`, { cookie: "__prerender_bypass=x" }),
      );
      await new Promise((r) => setTimeout(r, 100));
    }
    await flood;
    expect(editor).toEqual(Array.from({ length: 10 }, () => 200));

    // A reader without the cookie is served as before.
    const reader = await fetch(`${counted.url}/world/page-0`);
    expect(reader.status).toBe(200);
  } finally {
    await counted.stop();
    upstream.close();
  }
});

test("an image URL in any other form than the site's own never reaches the cache", async () => {
  const origin = proxy?.url ?? "";
  const [mine = "", other = ""] = [
    await heroImage("/world/us-pressing-mexico-to-allow-us-forces-to-fight-cartels"),
    await heroImage("/asia/fixture-port-reopens-after-storm"),
  ].map((p) => p.replace("WIDTH", "1280"));
  const otherUrl = /url=([^&]+)/.exec(other)?.[1] ?? "";
  // nginx reads URL= as url= and takes the first of two; Next reads url= alone.
  for (const hostile of [
    mine.replace("?url=", `?URL=${otherUrl}&url=`),
    mine.replace("&w=1280", `&W=768&w=1280`),
    `${mine}&url=${otherUrl}`,
    mine.replace("?url=", "?x=1&url="),
  ]) {
    expect((await bytes(origin, hostile, "image/webp")).status, hostile).toBe(400);
  }
  const node = await bytes(baseURL, mine, "image/webp");
  const viaProxy = await bytes(origin, mine, "image/webp");
  expect(viaProxy.status).toBe(200);
  expect(viaProxy.body.equals(node.body)).toBe(true);
});

/** A GET through the proxy with the path exactly as given (fetch would clean it up). */
function rawGet(origin: string, rawPath: string): Promise<{ status: number; location: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    http
      .get({ hostname, port, path: rawPath, agent: false }, (res) => {
        res.resume();
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, location: String(res.headers.location ?? "") }),
        );
      })
      .on("error", reject);
  });
}

test("a path nginx would clean up differently from Node is refused, and cannot turn a page into a redirect", async () => {
  const origin = proxy?.url ?? "";
  const story = "/business/fixture-chipmaker-expands";
  for (const hostile of [
    "//",
    `/${story}`,
    `${story}/.`,
    `/world/..${story}`,
    "/asia%2Ffixture-port-reopens-after-storm",
  ]) {
    expect((await rawGet(origin, hostile)).status, hostile).toBe(400);
  }
  for (const path of ["/", story]) {
    const res = await rawGet(origin, path);
    expect(res.status, path).toBe(200);
  }
});

test("new router state trees from one client: a bounded few reach Node", async () => {
  test.setTimeout(60_000);
  let reached = 0;
  const upstream = http.createServer((_req, res) => {
    reached += 1;
    res.end("page");
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  const address = upstream.address();
  const counted = await startProxy(PROXY_PORT + 2, [
    typeof address === "object" && address ? address.port : 0,
  ]);
  reached = 0;
  try {
    const started = Date.now();
    const statuses = await Promise.all(
      Array.from({ length: 400 }, (_, k) =>
        fetch(`${counted.url}/world/page`, {
          headers: { rsc: "1", "next-router-state-tree": `tree-${k}` },
        }).then((r) => r.status),
      ),
    );
    const seconds = (Date.now() - started) / 1000;
    expect(reached, `${reached} reached Node in ${seconds.toFixed(1)} s`).toBeLessThanOrEqual(
      101 + Math.ceil(seconds * 20),
    );
    expect(statuses.filter((s) => s === 429).length).toBe(400 - reached);
    console.log(`router-state flood, one address: ${reached} of 400 reached Node in ${seconds.toFixed(1)} s`);
  } finally {
    await counted.stop();
    upstream.close();
  }
});
