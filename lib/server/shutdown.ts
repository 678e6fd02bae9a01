/**
 * Graceful shutdown for `next start` and the standalone server.
 *
 * Next.js's own SIGTERM handler closes the listening socket at once. Measured here (bench/load.mjs),
 * that reset 37 of 40 requests a client had already sent: connections still in the accept queue, or
 * accepted but not yet read, are not "in flight" to Node's `server.close()`. Instead, on SIGTERM or
 * SIGINT this answers /health with 503 so load balancers stop sending, marks every response
 * `Connection: close`, keeps accepting for `graceMs` (so connections already queued are answered),
 * then stops accepting new connections, finishes the requests in flight and exits 0 (or 1 if some
 * are still open after `timeoutMs`). It no longer waits for a quiet moment: under steady traffic
 * that moment never came, and the process was killed at the cap with requests in flight.
 *
 * Requests are counted with Node's built-in diagnostics channel for HTTP servers, so nothing is
 * wrapped or patched.
 */
import { subscribe } from "node:diagnostics_channel";
import { Server, ServerResponse } from "node:http";
import { processSingleton } from "@/lib/runtime/singleton";

export type ShutdownOptions = {
  /** How long the server keeps accepting connections after the signal. */
  graceMs?: number;
  /** Exit even with requests still open after this long. */
  timeoutMs?: number;
  exit?: (code: number) => void;
  log?: (message: string) => void;
  /** Where the signal handlers go; by default they replace the process's own. */
  onSignal?: (signal: NodeJS.Signals, handler: (signal: NodeJS.Signals) => void) => void;
};

function replaceProcessHandler(signal: NodeJS.Signals, handler: (signal: NodeJS.Signals) => void) {
  // Next.js registers its handlers (which close the socket at once) before instrumentation runs, and
  // nothing else has by then: remove those, and leave any other library's later handlers alone.
  for (const next of process.listeners(signal)) process.removeListener(signal, next);
  process.on(signal, handler);
}

type State = {
  installed?: boolean;
  draining: boolean;
  inFlight: number;
  servers: Set<Server>;
  /** Work to finish once the last request is answered (reads counted in memory, lib/reads). */
  lastly: Set<() => Promise<void>>;
};

// One per process (lib/runtime/singleton.ts): /health, in its own bundle, must see what the signal
// handler set.
const state: State = processSingleton("shutdown.state", () => ({
  draining: false,
  inFlight: 0,
  servers: new Set(),
  lastly: new Set(),
}));

/** Longest the work left for the end may take before the process exits anyway. */
const LASTLY_MS = 3_000;

/** Runs `work` after the last request is answered, before the process exits (bounded by LASTLY_MS). */
export function atShutdown(work: () => Promise<void>): void {
  state.lastly.add(work);
}

/** True once the server has been asked to stop: it still answers, but wants no new traffic. */
export function isDraining(): boolean {
  return state.draining;
}

function onRequestStart(message: unknown) {
  if (!message || typeof message !== "object") return;
  const server = "server" in message ? message.server : undefined;
  const response = "response" in message ? message.response : undefined;
  if (!(response instanceof ServerResponse)) return;
  if (server instanceof Server) state.servers.add(server);
  state.inFlight += 1;
  if (state.draining && !response.headersSent) response.setHeader("Connection", "close");
  response.once("close", () => {
    state.inFlight -= 1;
  });
}

export function installGracefulShutdown(options: ShutdownOptions = {}): void {
  if (state.installed) return;
  state.installed = true;
  const {
    graceMs = 1_000,
    timeoutMs = 25_000,
    exit = (code) => process.exit(code),
    log = console.info,
    onSignal = replaceProcessHandler,
  } = options;
  subscribe("http.server.request.start", onRequestStart);

  const drain = (signal: NodeJS.Signals) => {
    if (state.draining) return;
    state.draining = true;
    const started = Date.now();
    log(`shutdown: ${signal} received; finishing ${state.inFlight} open request(s) before exit`);
    let closed = false;
    const timer = setInterval(() => {
      const now = Date.now();
      if (!closed && now - started >= graceMs) {
        closed = true;
        // Stops accepting; idle keep-alive connections close; requests in flight carry on.
        for (const server of state.servers) server.close();
      }
      const done = closed && state.inFlight === 0;
      if (!done && now - started < timeoutMs) return;
      clearInterval(timer);
      if (!done) log(`shutdown: exiting after ${timeoutMs} ms with ${state.inFlight} request(s) still open`);
      const lastly = Promise.allSettled([...state.lastly].map((work) => work()));
      void Promise.race([lastly, new Promise((resolve) => setTimeout(resolve, LASTLY_MS))]).then(() => {
        log(`shutdown: done in ${Date.now() - started} ms`);
        exit(done ? 0 : 1);
      });
    }, 20);
  };

  for (const signal of ["SIGTERM", "SIGINT"] as const) onSignal(signal, drain);
}
