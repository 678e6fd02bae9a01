/**
 * One value per server process. Next.js bundles instrumentation.ts and every route separately, and
 * each bundle gets its own copy of a module, so a module-level `let` would be one copy per bundle: a
 * content index loaded once per route, a database pool per route, a shutdown flag /health never sees.
 * A value kept on globalThis under a fixed key is shared by all of them.
 */
declare global {
  var __dispatchSingletons: Map<string, unknown> | undefined;
}

function registry(): Map<string, unknown> {
  globalThis.__dispatchSingletons ??= new Map();
  return globalThis.__dispatchSingletons;
}

/** The process's value for `name`, made by `init` on first use. */
export function processSingleton<T>(name: string, init: () => T): T {
  const values = registry();
  if (!values.has(name)) values.set(name, init());
  // Types are erased between bundles, so nothing at run time can check this; it holds because the
  // registry is private to this module and each name is made by one `init`, which fixes its type.
  // eslint-disable-next-line @typescript-eslint/consistent-type-assertions
  return values.get(name) as T;
}

/** Forgets a value (tests; a database handle that must be reopened). */
export function resetProcessSingleton(name: string): void {
  registry().delete(name);
}

/** The process's value for `name` if something has made it, without making it. */
export function peekProcessSingleton<T>(name: string): T | undefined {
  // The same reasoning as processSingleton: each name is made by one `init`, which fixes its type.
  // eslint-disable-next-line @typescript-eslint/consistent-type-assertions
  return registry().get(name) as T | undefined;
}
