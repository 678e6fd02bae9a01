import { connect, createServer, type Socket } from "node:net";

export type Relay = { url: string; stop: () => Promise<void> };

/**
 * A plain TCP relay on loopback that opens each onward connection from `fromAddress` (any 127.x.y.z
 * works on Linux), so the server behind it sees a reader at that address: the only way a test on one
 * machine can be a reader other than 127.0.0.1. It forwards bytes untouched; headers are the
 * browser's own.
 */
export async function startRelay(targetPort: number, fromAddress: string): Promise<Relay> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect({ host: "127.0.0.1", port: targetPort, localAddress: fromAddress });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => [client, upstream].forEach((x) => x.destroy()));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("relay has no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}
