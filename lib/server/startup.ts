/**
 * Server start-up: read the content folders once, in the background, while pages answer a quick 503
 * "starting" (lib/server/readiness.ts, proxy.ts), so that no request ever waits for (or triggers) a
 * read of the whole content folder, however large the archive; then keep
 * that content current as editors publish (lib/content/watch.ts); and finish open requests on
 * SIGTERM before exiting (lib/server/shutdown.ts).
 */
import { nextRuntime } from "@/lib/config/env";
import { answerHeld, enterPhase, installStartingAnswer } from "./readiness";

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
    { installBeaconDoor },
    { installAudioDoor },
    { isPublic },
    { checkNeuralVoice, getBriefingFile, getNarrationFile, narrationGivesWay, startNarration },
  ] = await Promise.all([
    import("./shutdown"),
    import("@/lib/runtime/client-ip"),
    import("@/lib/config/env"),
    import("@/lib/config/warnings"),
    import("@/lib/content/watch"),
    import("@/lib/content/publish"),
    import("./beacon-door"),
    import("./audio-door"),
    import("@/lib/content/public"),
    import("@/lib/site/listen"),
  ]);
  installGracefulShutdown();
  // Before the first request: per-IP limits need the socket's address on every request.
  installPeerAddress();
  const warnings = formatWarnings(deploymentWarnings(env));
  if (warnings) console.warn(warnings);
  // An operator's neural voice is loaded once now, in a child process: a missing or unreadable model
  // stops the start here with its reason, never a crash mid-queue.
  const voiceProblem = env.narration && env.narrationModel ? checkNeuralVoice(env.narrationModel) : undefined;
  if (voiceProblem) {
    console.error(`Cannot start: ${voiceProblem}`);
    process.exit(1);
  }

  // Not awaited: Next.js holds every request until register() returns, and at 100k stories the read
  // takes about a minute; meanwhile proxy.ts answers pages with a quick 503 (lib/server/readiness.ts).
  // Before the "starting" answer: that one steps aside for whatever listener it found (this one).
  installBeaconDoor(env, () => {
    const index = loaded?.index;
    return index
      ? (slug) => ((a) => a !== undefined && isPublic(a, Date.now()))(index.bySlug.get(slug))
      : undefined;
  });
  startNarration();
  installAudioDoor(
    () => loaded !== undefined,
    async (a) =>
      ("briefing" in a ? await getBriefingFile(a.hash) : await getNarrationFile(a.section, a.slug, a.hash))
        ?.file,
  );
  installStartingAnswer();
  enterPhase("loading");
  // Narration steps aside while a change's pages are made (publishing must not wait for it).
  const giveWay = env.narration ? narrationGivesWay : () => undefined;
  void serveWhenLoaded(watchContent, requestRevalidation, env.contentRescanMs, giveWay);
}

/** The live content once read (the beacon door asks it whether a story is public). */
let loaded: import("@/lib/content/live").LiveContent | undefined;

async function serveWhenLoaded(
  watchContent: typeof import("@/lib/content/watch").watchContent,
  requestRevalidation: typeof import("@/lib/content/publish").requestRevalidation,
  rescanMs: number,
  beforeRefresh: () => void,
) {
  let live: Awaited<ReturnType<typeof warm>>;
  try {
    live = await warm();
  } catch (error) {
    // As a failed register() would: a server that cannot read its content must not stay up. The
    // requests waiting for it get the starting answer first (a moment to send it), not a reset.
    console.error("content: loading failed:", error);
    answerHeld();
    setTimeout(() => process.exit(1), 200);
    return;
  }
  loaded = live;
  enterPhase("indexing");
  const { warmSearch } = await import("@/lib/site/search");
  const fronts = await watchFronts(live.dirs, rescanMs, requestRevalidation);
  watchContent(live, {
    rescanMs,
    onFront: fronts.onFile,
    // Narration steps aside from the first file event (the re-read and re-index are work too), and
    // again when the change's pages are about to be made.
    onEvent: beforeRefresh,
    onChange: (reason) => {
      beforeRefresh();
      // The search index follows too, now rather than on the next search.
      void indexForSearch(() => warmSearch(), false);
      return requestRevalidation(reason);
    },
  });
  // Pages prerendered at build time show the content of that moment; content saved between the
  // build and this start (or a restart of one instance among several) must not wait for the next
  // change.
  void requestRevalidation("server start");
  // Off this thread (lib/search/store.ts): pages are served meanwhile, searches answer from what is in.
  await indexForSearch(() => warmSearch({ firstBuild: true }), true);
  enterPhase("ready");
  // Narration (issue 24): the archive newest first, while the server is not busy. New and changed
  // stories are queued when their pages render, ahead of it.
  const { env } = await import("@/lib/config/env");
  if (env.narration) {
    const { keepNarrations } = await import("@/lib/site/listen");
    keepNarrations((line) => console.info(line));
  }
}

/**
 * The editors' fronts (lib/fronts): a file event or the rescan's stat of each front's file marks
 * the front changed, and one refresh (debounced, as stories are) takes its pages. Most read: reads
 * are written in batches, the ranking worked out once a minute, its pages refreshed when it moves.
 */
async function watchFronts(
  dirs: readonly string[],
  rescanMs: number,
  requestRevalidation: typeof import("@/lib/content/publish").requestRevalidation,
) {
  const [{ frontFileChanged, rescanFronts }, { startReads, flushReads }, { atShutdown }, { sectionSlugs }] =
    await Promise.all([
      import("@/lib/fronts/store"),
      import("@/lib/reads/api"),
      import("./shutdown"),
      import("@/lib/config/site"),
    ]);
  const names = ["home", ...sectionSlugs];
  await rescanFronts(names, dirs);
  let debounce: NodeJS.Timeout | undefined;
  const refresh = (reason: string) => {
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => void requestRevalidation(reason), 150);
  };
  if (rescanMs > 0)
    setInterval(() => {
      void rescanFronts(names, dirs).then((moved) => moved.length > 0 && refresh("front rescan"));
    }, rescanMs).unref();
  startReads(() => void requestRevalidation("most read"));
  atShutdown(flushReads);
  return { onFile: (file: string) => void (frontFileChanged(file) && refresh(`front ${file}`)) };
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
