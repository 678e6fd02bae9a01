import http from "node:http";
import { gunzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { hasNginx, startProxy, type Proxy } from "./lib/nginx";
import { signUpConfirmAndLeave, uniqueEmail } from "./lib/newsletter";
import { SEED_PATH } from "./lib/seed";

/**
 * The site as an operator deploys it: behind the shipped deploy/nginx.conf, on a port that is not 80
 * (where `Host $host` used to drop the port and every signup answered 500).
 */
const PROXY_PORT = Number(process.env.E2E_PROXY_PORT || 8089);
const proxyURL = `http://127.0.0.1:${PROXY_PORT}`;

let proxy: Proxy | undefined;

test.beforeAll(async () => {
  test.skip(!hasNginx() && !process.env.CI, "nginx is not installed (CI installs it)");
  proxy = await startProxy(PROXY_PORT, [Number(new URL(baseURL).port)]);
});
test.afterAll(async () => proxy?.stop());

test.describe("through the nginx proxy", () => {
  test.use({ baseURL: proxyURL });

  test("subscribe, confirm and unsubscribe: JavaScript on", async ({ page }, info) => {
    await signUpConfirmAndLeave(page, uniqueEmail(info, "proxy-js"));
  });

  test.describe("with JavaScript off", () => {
    test.use({ javaScriptEnabled: false });
    test("the same journey as plain form posts", async ({ page }, info) => {
      await signUpConfirmAndLeave(page, uniqueEmail(info, "proxy-nojs"));
    });
  });

  test("a client's own X-Forwarded-Host never reaches the app", async ({ page }, info) => {
    await page.setExtraHTTPHeaders({ "X-Forwarded-Host": "evil.example" });
    await signUpConfirmAndLeave(page, uniqueEmail(info, "proxy-xfh"));
  });

  test("random query strings share the page's cache entry; ?view=summary keeps its own", async ({
    request,
  }) => {
    const path = "/world";
    await request.get(path);
    const warm = await request.get(path);
    expect(warm.headers()["x-cache"]).toBe("HIT");
    const random = await request.get(`${path}?utm_source=${Date.now()}`);
    expect(random.headers()["x-cache"]).toBe("HIT");

    const summary = await request.get(`${SEED_PATH}?view=summary`, { maxRedirects: 0 });
    expect(summary.status()).toBe(307);
    expect(summary.headers()["location"]).toMatch(new RegExp(`${SEED_PATH}/summary`));
  });
});

/** A GET through the proxy with exactly these headers: status, Content-Encoding, bytes, X-Cache. */
function proxyGet(path: string, headers: Record<string, string>) {
  return new Promise<{ encoding: string; body: Buffer; cache: string }>((resolve, reject) => {
    http
      .get(`${proxyURL}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            encoding: String(res.headers["content-encoding"] ?? ""),
            body: Buffer.concat(chunks),
            cache: String(res.headers["x-cache"] ?? ""),
          }),
        );
      })
      .on("error", reject);
  });
}

test("one cached copy, gzip on the wire to browsers, plain to a client that cannot unpack it", async ({
  isMobile,
}) => {
  test.skip(isMobile, "proxy behaviour: one profile is enough");
  const gzip = { "accept-encoding": "gzip, deflate, br, zstd" };
  await proxyGet("/topic/mexico", gzip);
  const browser = await proxyGet("/topic/mexico", gzip);
  expect(browser.cache).toBe("HIT");
  expect(browser.encoding).toBe("gzip");
  expect(gunzipSync(browser.body).toString("utf8")).toContain("</html>");
  // The same cache entry, unpacked by nginx for a client that sent no Accept-Encoding.
  const plain = await proxyGet("/topic/mexico", {});
  expect(plain.cache).toBe("HIT");
  expect(plain.encoding).toBe("");
  expect(plain.body.toString("utf8")).toContain("</html>");
});

test("a response that sets a cookie is never stored and replayed to the next reader", async ({
  isMobile,
}) => {
  test.skip(isMobile, "proxy behaviour: one profile is enough");
  test.skip(!hasNginx() && !process.env.CI, "nginx is not installed (CI installs it)");
  // An upstream that numbers its responses and sets a cookie on /with-cookie only.
  let served = 0;
  const upstream = http.createServer((req, res) => {
    served += 1;
    if (req.url === "/with-cookie") res.setHeader("Set-Cookie", `session=reader-${served}; Path=/; HttpOnly`);
    res.setHeader("Content-Type", "text/html");
    res.end(`response ${served}`);
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  const address = upstream.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const cookieProxy = await startProxy(PROXY_PORT + 5, [port]);
  try {
    const get = (path: string) => fetch(`${cookieProxy.url}${path}`);
    const first = await get("/with-cookie");
    const second = await get("/with-cookie");
    expect(second.headers.get("x-cache")).not.toBe("HIT");
    expect(second.headers.get("set-cookie")).not.toBe(first.headers.get("set-cookie"));
    expect(await second.text()).not.toBe(await first.text());
    // The same upstream without a cookie is cached as usual, so the check above can tell.
    await get("/plain");
    expect((await get("/plain")).headers.get("x-cache")).toBe("HIT");
  } finally {
    await cookieProxy.stop();
    upstream.close();
  }
});
