import http from "node:http";
import { afterAll, expect, it } from "vitest";
import { atShutdown, installGracefulShutdown, isDraining } from "./shutdown";

const server = http.createServer((_req, res) => {
  setTimeout(() => res.end("ok"), 300);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Result = { status?: number; body: string; connection?: string; error?: string };

function get(port: number): Promise<Result> {
  return new Promise((resolve) => {
    const req = http.get({ port, host: "127.0.0.1", path: "/", agent: false }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode, body, connection: res.headers.connection }));
      res.on("error", (e) => resolve({ status: res.statusCode, body, error: e.message }));
    });
    req.on("error", (e) => resolve({ body: "", error: e.message }));
  });
}

it("on SIGTERM under steady traffic finishes every accepted request, then stops accepting and exits 0", async () => {
  const handlers = new Map<string, (signal: NodeJS.Signals) => void>();
  const exits: { code: number; openResponses: number; lastly: string[] }[] = [];
  let open = 0;
  // Work left for the end (the reads counted in memory): done after the last request, before exit.
  const lastly: string[] = [];
  atShutdown(async () => {
    lastly.push(`started with ${open} open`);
    await new Promise((r) => setTimeout(r, 100));
    lastly.push("done");
  });
  installGracefulShutdown({
    graceMs: 200,
    exit: (code) => exits.push({ code, openResponses: open, lastly: [...lastly] }),
    log: () => undefined,
    onSignal: (signal, handler) => handlers.set(signal, handler),
  });
  expect([...handlers.keys()].sort()).toEqual(["SIGINT", "SIGTERM"]);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  const results: Promise<Result>[] = [];
  const track = (p: Promise<Result>) => {
    open += 1;
    results.push(p.finally(() => (open -= 1)));
  };
  for (let i = 0; i < 20; i += 1) track(get(port));
  // A new request every 10 ms, through the signal and after it: the server is never quiet.
  const steady = setInterval(() => track(get(port)), 10);
  try {
    await new Promise((r) => setTimeout(r, 50));
    handlers.get("SIGTERM")?.("SIGTERM");
    expect(isDraining()).toBe(true);
    const during = get(port);
    expect((await during).connection).toBe("close");
    await expect.poll(() => exits.length, { timeout: 5_000 }).toBe(1);
  } finally {
    clearInterval(steady);
  }
  const all = await Promise.all(results);
  // Every request was either answered whole or refused at connect once the server stopped accepting;
  // none was accepted and then dropped.
  const answered = all.filter((r) => r.status === 200 && r.body === "ok");
  const refused = all.filter((r) => r.error?.includes("ECONNREFUSED"));
  expect(answered.length + refused.length).toBe(all.length);
  expect(answered.length).toBeGreaterThan(20);
  expect(exits[0]?.code).toBe(0);
  expect(exits[0]?.lastly).toEqual(["started with 0 open", "done"]);
});
