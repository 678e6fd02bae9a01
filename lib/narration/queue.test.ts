import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The queue's refresh of the pages that show a narration asks the server over HTTP: none here.
vi.mock("@/lib/content/publish", () => ({ requestRevalidation: vi.fn(async () => undefined) }));

/**
 * A stand-in for narrate-job.mjs, so the queue's own rules are tested with jobs that behave on
 * purpose: it notes each job it is given (DATA_DIR/narration/started), then by its words' first one
 * refuses them ("refuse"), fails ("fail"), fails the first time only ("flaky"), takes a while
 * ("slow {ms}") or makes them at once.
 */
const FAKE_JOB = `
import { appendFileSync, existsSync, writeFileSync } from "node:fs";
import path from "node:path";
let input = "";
for await (const chunk of process.stdin) input += chunk;
const { dir, parts, file } = JSON.parse(input);
const words = parts[0];
appendFileSync(path.join(dir, "started"), words + "\\n");
const [kind, arg] = words.split(" ");
if (kind === "refuse") {
  process.stdout.write(JSON.stringify({ error: "the engine refused these words" }) + "\\n");
  process.exit(0);
}
if (kind === "fail") process.exit(1);
const marker = path.join(dir, "flaky-" + arg);
if (kind === "flaky" && !existsSync(marker)) {
  writeFileSync(marker, "");
  process.exit(1);
}
if (kind === "slow") {
  writeFileSync(path.join(dir, "pid-" + arg), String(process.pid));
  await new Promise((r) => setTimeout(r, Number(arg)));
}
writeFileSync(file, "mp3");
writeFileSync(file + ".json", JSON.stringify({ seconds: 1, bytes: 3, made: new Date().toISOString() }));
process.stdout.write(JSON.stringify({ seconds: 1, bytes: 3 }) + "\\n");
`;

const root = mkdtempSync(path.join(tmpdir(), "narration-queue-"));
let queue: typeof import("./queue");
let store: typeof import("./store");

beforeAll(async () => {
  vi.stubEnv("DATA_DIR", root);
  vi.stubEnv("NARRATION", "on");
  const job = path.join(root, "job.mjs");
  writeFileSync(job, FAKE_JOB);
  queue = await import("./queue");
  store = await import("./store");
  queue.startQueue(job);
});

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(root, { recursive: true, force: true });
});

const started = () => {
  const file = path.join(store.narrationDir(), "started");
  return existsSync(file) ? readFileSync(file, "utf8").trim().split("\n") : [];
};

async function until(check: () => boolean, timeoutMs = 20_000) {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await sleep(20);
  }
}

const idle = () => until(() => queue.narrationBacklog() === 0);

describe("the narration queue", () => {
  it("makes what is queued, once, and the store then knows it", async () => {
    const words = store.wordsOf(["made at once"]);
    queue.enqueue(words, ["/world/a"], true);
    queue.enqueue(words, ["/world/a"], true); // already waiting: not a second job
    await idle();
    expect(store.readMade(words.hash)).toMatchObject({ hash: words.hash, seconds: 1, bytes: 3 });
    expect(started().filter((w) => w === "made at once")).toHaveLength(1);
  }, 30_000);

  it("does not queue again words the engine refused; other words still go", async () => {
    const refused = store.wordsOf(["refuse these"]);
    queue.enqueue(refused, ["/world/b"], false);
    await idle();
    expect(store.readMade(refused.hash)).toBeUndefined();
    // The backfill's next pass, or a render of the page, asks again: nothing is queued.
    queue.enqueue(refused, ["/world/b"], false);
    expect(queue.narrationBacklog()).toBe(0);
    const other = store.wordsOf(["made after a refusal"]);
    queue.enqueue(other, ["/world/c"], false);
    await idle();
    expect(store.readMade(other.hash)).toBeDefined();
    expect(started().filter((w) => w === "refuse these")).toHaveLength(1);
  }, 30_000);

  it("tries a failed job again later, and an archive's failed job goes behind a new story's", async () => {
    const archive = store.wordsOf(["flaky archive"]);
    queue.enqueue(archive, ["/world/old"], false);
    // Its process fails; the queue pauses (4 s after a first failure) before it tries again.
    await until(() => started().includes("flaky archive") && queue.narrationBacklog() === 1);
    const fresh = store.wordsOf(["new story"]);
    queue.enqueue(fresh, ["/world/new"], true);
    await idle();
    expect(store.readMade(archive.hash)).toBeDefined();
    expect(store.readMade(fresh.hash)).toBeDefined();
    expect(started().slice(-3)).toEqual(["flaky archive", "new story", "flaky archive"]);
  }, 30_000);
});

describe("narration gives way to a publish", () => {
  it("pauses the job being made while the publish's pages are made, then lets it finish", async () => {
    await idle();
    const slow = store.wordsOf(["slow 2000"]);
    queue.enqueue(slow, ["/world/slow"], true);
    const pidFile = path.join(store.narrationDir(), "pid-2000");
    await until(() => existsSync(pidFile) && readFileSync(pidFile, "utf8") !== "");
    const t0 = Date.now();
    queue.giveWay();
    // Its process is stopped (state T), not killed and tried again.
    const state = () =>
      /\) (\w)/.exec(readFileSync(`/proc/${readFileSync(pidFile, "utf8")}/stat`, "utf8"))?.[1];
    await until(() => state() === "T", 1_000); // a signal is delivered in its own time
    await idle();
    // Paused for the publish's 3 s, then the rest of its 2 s.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(2_900);
    expect(store.readMade(slow.hash)).toBeDefined();
    expect(started().filter((w) => w === "slow 2000")).toHaveLength(1);
  }, 30_000);

  it("starts no job while a publish's pages are made", async () => {
    queue.giveWay();
    const t0 = Date.now();
    const held = store.wordsOf(["queued during a publish"]);
    queue.enqueue(held, ["/world/held"], true);
    await until(() => started().includes("queued during a publish"));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(2_500);
  }, 30_000);
});

describe("a job that always fails", () => {
  it("drops a job whose process fails every time, after three tries", async () => {
    const broken = store.wordsOf(["fail always"]);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    queue.enqueue(broken, ["/world/broken"], true);
    await until(() => queue.narrationBacklog() === 0, 40_000); // paused 4 s, then 16 s
    expect(started().filter((w) => w === "fail always")).toHaveLength(3);
    expect(errors.mock.calls.flat().join("\n")).toContain("/world/broken dropped after 3 failed tries");
    errors.mockRestore();
    // Dropped, not refused: its words may be queued again (a later render, the next backfill pass).
    queue.enqueue(broken, ["/world/broken"], true);
    expect(queue.narrationBacklog()).toBe(1);
  }, 60_000);
});
