/**
 * Progress of a long command (newsletter:send), so that a healthy run can be told from a stuck one.
 * On a terminal: a bar drawn by cli-progress (done/total, rate, ETA, failures), redrawn in place.
 * In a log (not a TTY): one plain line with the same figures every `logEveryMs`, also when nothing
 * moved (a stuck run then shows the same figures, not silence), plus one at the start and the end.
 */
import { SingleBar } from "cli-progress";

export type Progress = {
  update: (done: number, failed: number) => void;
  /** Prints the last figures and ends the display. */
  stop: () => void;
};

type Options = {
  title: string;
  total: number;
  /** What is counted: "sent", "files". */
  unit: string;
  /** Already done when this run started (a resumed send): not counted in the rate. */
  startAt?: number;
  stream?: NodeJS.WriteStream;
  logEveryMs?: number;
  now?: () => number;
};

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

/** Rate since the start and the time left at that rate. */
function figures(done: number, startAt: number, total: number, elapsedMs: number) {
  const rate = elapsedMs > 0 ? ((done - startAt) * 1000) / elapsedMs : 0;
  const eta = done >= total ? 0 : rate > 0 ? (total - done) / rate : Infinity;
  return { rate: rate.toFixed(rate < 10 ? 1 : 0), eta: duration(eta), elapsed: duration(elapsedMs / 1000) };
}

export function startProgress(options: Options): Progress {
  const {
    title,
    total,
    unit,
    startAt = 0,
    stream = process.stderr,
    logEveryMs = 5_000,
    now = Date.now,
  } = options;
  const started = now();
  let done = startAt;
  let failed = 0;

  if (stream.isTTY) {
    const bar = new SingleBar({
      stream,
      format: `${title} [{bar}] {value}/{total} ${unit} | {speed}/s | ETA {remaining} | failed {failed}`,
      barsize: 24,
      hideCursor: false,
      // The command handles Ctrl-C itself (it stops between batches): the bar must not stop first.
      gracefulExit: false,
      fps: 5,
    });
    // Not cli-progress's own {eta} and {eta_formatted}: those would differ from the log line's figures.
    const payload = () => {
      const f = figures(done, startAt, total, now() - started);
      return { failed, speed: f.rate, remaining: f.eta };
    };
    bar.start(total, done, payload());
    return {
      update: (d, f) => {
        done = d;
        failed = f;
        bar.update(done, payload());
      },
      stop: () => {
        bar.update(done, payload());
        bar.stop();
      },
    };
  }

  const line = () => {
    const f = figures(done, startAt, total, now() - started);
    const pct = total > 0 ? Math.floor((done * 100) / total) : 100;
    stream.write(
      `${title}: ${done}/${total} ${unit} (${pct}%), ${f.rate}/s, ETA ${f.eta}, failed ${failed}, elapsed ${f.elapsed}\n`,
    );
  };
  line();
  const timer = setInterval(line, logEveryMs);
  timer.unref();
  return {
    update: (d, f) => {
      done = d;
      failed = f;
    },
    stop: () => {
      clearInterval(timer);
      line();
    },
  };
}
