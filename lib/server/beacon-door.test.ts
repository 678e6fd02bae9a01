import http from "node:http";
import { afterAll, expect, it } from "vitest";
import { installBeaconDoor } from "./beacon-door";

const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
let ready = false;
// The framework's listener, as Next.js's would be: it must see every request but the beacons.
const seen: string[] = [];
const server = http.createServer((req, res) => {
  seen.push(`${req.method} ${req.url}`);
  res.end("page");
});
installBeaconDoor({ trustedProxies: 0, trustedProxyAddresses: [] }, () =>
  ready ? (slug) => slug === "a-story" : undefined,
);
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function post(port: number, path: string, body: string, headers: Record<string, string> = {}) {
  const r = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": BROWSER, ...headers },
    body,
  });
  return { status: r.status, body: await r.text() };
}

it("answers beacons itself (starting, counted, repeat, refused, unknown) and hands every other request on", async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  expect((await post(port, "/api/read", "story=a-story")).status).toBe(503);
  ready = true;
  expect(await post(port, "/api/read", "story=a-story")).toEqual({ status: 202, body: '{"ok":true}' });
  expect((await post(port, "/api/read?x=1", "story=a-story")).status).toBe(204);
  expect((await post(port, "/api/read", "story=no-such-story")).status).toBe(404);
  expect((await post(port, "/api/read", "story=../x")).status).toBe(400);
  expect((await post(port, "/api/read", "story=a-story", { "sec-fetch-site": "cross-site" })).status).toBe(
    403,
  );
  expect((await post(port, "/api/read", "a".repeat(4096))).status).toBe(413);
  expect(seen).toEqual([]);

  expect(await (await fetch(`http://127.0.0.1:${port}/world`)).text()).toBe("page");
  expect((await post(port, "/api/other", "story=a-story")).body).toBe("page");
  expect(seen).toEqual(["GET /world", "POST /api/other"]);
});
