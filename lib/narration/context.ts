/**
 * The server's start-up context (issue 24): the narration's job processes and timers are made in it,
 * never in the page render that happened to ask for them (whose async context ends with its response).
 */
import { AsyncResource } from "node:async_hooks";
import { processSingleton } from "@/lib/runtime/singleton";

const root = () => processSingleton<{ resource?: AsyncResource }>("narration.context", () => ({}));

/** Called once at server start-up (queue.ts's startQueue); false when it was already. */
export function keepStartupContext(): boolean {
  const r = root();
  if (r.resource) return false;
  r.resource = new AsyncResource("dispatch.narration");
  return true;
}

/** Runs `fn` in the start-up's context (a timer set in a page render must not belong to it). */
export function inStartupContext<T>(fn: () => T): T {
  const resource = root().resource;
  return resource ? resource.runInAsyncScope(fn) : fn();
}
