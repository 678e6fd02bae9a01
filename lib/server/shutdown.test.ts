import http from "node:http";
import { afterAll, expect, it } from "vitest";
import { installGracefulShutdown, isDraining } from "./shutdown";

const server = http.createServer((_req, res) => {
  setTimeout(() => res.end("ok"), 300);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(port: number): Promise<{ status?: number; body: string; connection?: string; error?: string }> {
  return new Promise((resolve) => {
    const req = http.get({ port, host: "127.0.0.1", path: "/", agent: false }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode, body, connection: res.headers.connection }));
    });
    req.on("error", (e) => resolve({ body: "", error: e.message }));
  });
}

it("on SIGTERM finishes every open request, keeps answering, then exits", async () => {
  const handlers = new Map<string, (signal: NodeJS.Signals) => void>();
  const exits: { code: number; openResponses: number }[] = [];
  let open = 0;
  installGracefulShutdown({
    quietMs: 200,
    exit: (code) => exits.push({ code, openResponses: open }),
    log: () => undefined,
    onSignal: (signal, handler) => handlers.set(signal, handler),
  });
  expect([...handlers.keys()].sort()).toEqual(["SIGINT", "SIGTERM"]);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  const track = (p: ReturnType<typeof get>) => {
    open += 1;
    return p.finally(() => (open -= 1));
  };
  const before = Array.from({ length: 20 }, () => track(get(port)));
  await new Promise((r) => setTimeout(r, 50));
  handlers.get("SIGTERM")?.("SIGTERM");
  expect(isDraining()).toBe(true);
  const during = track(get(port));

  const results = await Promise.all([...before, during]);
  expect(results.every((r) => r.status === 200 && r.body === "ok")).toBe(true);
  expect((await during).connection).toBe("close");
  await expect.poll(() => exits.length).toBe(1);
  expect(exits[0]).toEqual({ code: 0, openResponses: 0 });
});
