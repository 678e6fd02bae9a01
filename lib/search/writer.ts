/**
 * The server's side of the index's writer thread (index-worker.mjs): one thread per index, one
 * transaction per call, answered in order. A failed write rejects its call and leaves the table as
 * it was (the transaction rolled back); a thread that dies fails every waiting call, and the next
 * call starts a fresh one.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";

/**
 * A story as the writer stores it: `texts` are Markdown (the body, then live updates); `packed`, if
 * set, is the body packed (lib/content/body.ts), which the writer inflates and puts first. A live
 * story's `updates` are also stored one by one (their Markdown), so a search can name the update
 * that matched.
 */
export type Row = {
  rowid: number;
  title: string;
  standfirst: string;
  packed?: Uint8Array;
  texts: string[];
  topics: string;
  updates?: { id: string; text: string }[];
};

type Pending = { resolve: () => void; reject: (e: Error) => void };

/** Resolved from the working folder, as Next.js leaves worker files out of its bundles. */
const WORKER_FILE = path.join(/* turbopackIgnore: true */ process.cwd(), "lib/search/index-worker.mjs");

export class IndexWriter {
  private worker: Worker | undefined;
  private started: Promise<void> | undefined;
  private next = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly data: { file: string; createSql: string; insertSql: string; windowBits: number },
    private readonly workerFile = WORKER_FILE,
  ) {}

  /** Resolves once the thread has made the table (the reader can open the file then). */
  ready(): Promise<void> {
    return (this.started ??= this.start());
  }

  async write(removed: readonly number[], added: readonly Row[]): Promise<void> {
    await this.ready();
    const worker = this.worker;
    if (!worker) throw new Error("search: the index writer stopped");
    const id = this.next++;
    worker.ref();
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, removed, added });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.started = undefined;
    await worker?.terminate();
  }

  private start(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const worker = new Worker(this.workerFile, { workerData: this.data });
      this.worker = worker;
      worker.unref();
      const fail = (error: Error) => {
        reject(error);
        for (const p of this.pending.values()) p.reject(error);
        this.pending.clear();
        if (this.worker === worker) {
          this.worker = undefined;
          this.started = undefined;
        }
      };
      worker.on("message", (reply: unknown) => {
        if (!isRecord(reply)) return;
        if (reply.ready === true) return resolve();
        const waiting = typeof reply.id === "number" ? this.pending.get(reply.id) : undefined;
        if (!waiting || typeof reply.id !== "number") return;
        this.pending.delete(reply.id);
        // An idle thread must not keep a finished script, or a test, alive.
        if (this.pending.size === 0) worker.unref();
        if (typeof reply.error === "string")
          waiting.reject(new Error(`search: index write failed: ${reply.error}`));
        else waiting.resolve();
      });
      worker.on("error", (error) => fail(new Error(`search: index writer failed: ${String(error)}`)));
      worker.on("exit", (code) => fail(new Error(`search: index writer exited (${code})`)));
    });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
