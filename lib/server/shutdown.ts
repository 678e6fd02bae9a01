/**
 * Graceful shutdown for `next start` and the standalone server.
 *
 * Next.js's own SIGTERM handler closes the listening socket at once. Measured here (bench/load.mjs),
 * that reset 37 of 40 requests a client had already sent: connections still in the accept queue, or
 * accepted but not yet read, are not "in flight" to Node's `server.close()`. Instead, on SIGTERM or
 * SIGINT this keeps the socket open, answers /health with 503 so load balancers stop sending,
 * marks every response `Connection: close`, and exits once no request has been open for `quietMs`
 * (or, at the latest, after `timeoutMs`).
 *
 * Requests are counted with Node's built-in diagnostics channel for HTTP servers, so nothing is
 * wrapped or patched.
 */
import { subscribe } from "node:diagnostics_channel";
import { Server, ServerResponse } from "node:http";
import { processSingleton } from "./singleton";

export type ShutdownOptions = {
  /** How long the server must have been idle before it exits. */
  quietMs?: number;
  /** Exit even with requests still open after this long. */
  timeoutMs?: number;
  exit?: (code: number) => void;
  log?: (message: string) => void;
  /** Where the signal handlers go; by default they replace the process's own. */
  onSignal?: (signal: NodeJS.Signals, handler: (signal: NodeJS.Signals) => void) => void;
};

function replaceProcessHandler(signal: NodeJS.Signals, handler: (signal: NodeJS.Signals) => void) {
  // Next.js registers its handlers before instrumentation runs: replace them rather than race them.
  process.removeAllListeners(signal);
  process.on(signal, handler);
}

type State = {
  installed?: boolean;
  draining: boolean;
  inFlight: number;
  lastActivity: number;
  servers: Set<Server>;
};

// One per process (lib/server/singleton.ts): /health, in its own bundle, must see what the signal
// handler set.
const state: State = processSingleton("shutdown.state", () => ({
  draining: false,
  inFlight: 0,
  lastActivity: 0,
  servers: new Set(),
}));

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
  state.lastActivity = Date.now();
  if (state.draining && !response.headersSent) response.setHeader("Connection", "close");
  response.once("close", () => {
    state.inFlight -= 1;
    state.lastActivity = Date.now();
  });
}

export function installGracefulShutdown(options: ShutdownOptions = {}): void {
  if (state.installed) return;
  state.installed = true;
  const {
    quietMs = 500,
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
    const timer = setInterval(() => {
      const now = Date.now();
      const idle = state.inFlight === 0 && now - Math.max(state.lastActivity, started) >= quietMs;
      if (!idle && now - started < timeoutMs) return;
      clearInterval(timer);
      if (!idle) log(`shutdown: exiting after ${timeoutMs} ms with ${state.inFlight} request(s) still open`);
      for (const server of state.servers) server.close();
      log(`shutdown: done in ${now - started} ms`);
      exit(idle ? 0 : 1);
    }, 50);
  };

  for (const signal of ["SIGTERM", "SIGINT"] as const) onSignal(signal, drain);
}
