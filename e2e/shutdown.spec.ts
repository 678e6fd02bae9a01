import http from "node:http";
import { expect, test } from "@playwright/test";
import { startExtraServer } from "./lib/server";

/**
 * SIGTERM with requests in flight: a second production server on the suite's build gets 30
 * concurrent requests for the heaviest page, then the signal. Every request must complete whole,
 * /health must say "draining" meanwhile, and the process must then exit by itself with status 0.
 */
const PORT = 3190;
const BASE = `http://127.0.0.1:${PORT}`;

type Result = { status?: number; bytes: number; complete: boolean; error?: string };

function get(url: string): Promise<Result> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      let bytes = 0;
      res.on("data", (d: Buffer) => (bytes += d.length));
      res.on("end", () => resolve({ status: res.statusCode, bytes, complete: res.complete }));
      res.on("error", (e) => resolve({ bytes, complete: false, error: e.message }));
    });
    req.on("error", (e) => resolve({ bytes: 0, complete: false, error: e.message }));
  });
}

test("SIGTERM finishes the requests in flight, says draining, then exits 0", async ({}, info) => {
  test.skip(info.project.name !== "desktop", "one server process is enough");
  test.setTimeout(60_000);
  const extra = startExtraServer(PORT);
  const server = extra.process;
  const exited = extra.exited;
  try {
    await expect.poll(async () => (await get(`${BASE}/health`)).status, { timeout: 30_000 }).toBe(200);

    const inFlight = Array.from({ length: 30 }, () => get(`${BASE}/fast`));
    await new Promise((r) => setTimeout(r, 30));
    server.kill("SIGTERM");
    await expect.poll(() => extra.log()).toContain("SIGTERM received");
    const health = await get(`${BASE}/health`);

    const results = await Promise.all(inFlight);
    const full = Math.max(...results.map((r) => r.bytes));
    expect(results.filter((r) => r.error)).toEqual([]);
    expect(results.every((r) => r.status === 200 && r.complete && r.bytes === full)).toBe(true);
    expect(health.status).toBe(503);
    expect(await exited).toBe(0);
  } finally {
    server.kill("SIGKILL");
  }
});
