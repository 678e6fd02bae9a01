/**
 * Server start-up: read the content folders once, before the first request, so that no request ever
 * waits for (or triggers) a read of the whole content folder, however large the archive.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { warmContent } = await import("./lib/content/api");
  const started = Date.now();
  const count = await warmContent();
  console.info(`content: ${count} articles loaded in ${Date.now() - started} ms`);
}
