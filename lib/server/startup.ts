/**
 * Server start-up: read the content folders once, before the first request, so that no request ever
 * waits for (or triggers) a read of the whole content folder, however large the archive; then keep
 * that content current as editors publish (lib/content/watch.ts); and finish open requests on
 * SIGTERM before exiting (lib/server/shutdown.ts).
 */
import { nextRuntime } from "@/lib/config/env";

export async function startServer() {
  if (!nextRuntime.serving) {
    // A build (or development): the content is read once here so a bad file fails fast.
    await warm();
    return;
  }
  // Loaded only by a serving process: a build or development server never evaluates these.
  const [
    { installGracefulShutdown },
    { installPeerAddress },
    { env },
    { deploymentWarnings, formatWarnings },
    { watchContent },
    { requestRevalidation },
  ] = await Promise.all([
    import("./shutdown"),
    import("@/lib/runtime/client-ip"),
    import("@/lib/config/env"),
    import("@/lib/config/warnings"),
    import("@/lib/content/watch"),
    import("@/lib/content/publish"),
  ]);
  installGracefulShutdown();
  // Before the first request: per-IP limits need the socket's address on every request.
  installPeerAddress();
  const warnings = formatWarnings(deploymentWarnings(env));
  if (warnings) console.warn(warnings);

  const { warmSearch } = await import("@/lib/site/api");
  watchContent(await warm(), {
    rescanMs: env.contentRescanMs,
    onChange: (reason) => {
      // The search index follows too, now rather than on the next search.
      void indexForSearch(warmSearch, false);
      return requestRevalidation(reason);
    },
  });
  // In the background: pages are served while a large archive is indexed (searches wait for it).
  void indexForSearch(warmSearch, true);
  // Pages prerendered at build time show the content of that moment; content saved between the
  // build and this start (or a restart of one instance among several) must not wait for the next
  // change. Runs once the server listens.
  void requestRevalidation("server start");
}

async function indexForSearch(warmSearch: () => Promise<number>, log: boolean) {
  const started = Date.now();
  try {
    const count = await warmSearch();
    if (log) console.info(`search: ${count} articles indexed in ${Date.now() - started} ms`);
  } catch (error) {
    console.error("search: indexing failed:", error);
  }
}

async function warm() {
  const { getLiveContent, warmContent } = await import("@/lib/site/api");
  const started = Date.now();
  const count = await warmContent();
  console.info(`content: ${count} articles loaded in ${Date.now() - started} ms`);
  return getLiveContent();
}
