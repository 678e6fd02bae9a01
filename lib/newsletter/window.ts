/**
 * A brief's window: the hours of news it covers, ending at its send time in the newsroom's zone
 * (SITE_TIME_ZONE). The Morning brief run at 06:05 covers 18:00 yesterday to 06:00 today; run late
 * (a missed timer), it still covers the same window, so its issue is the same issue.
 */
export type BriefWindow = {
  start: Date;
  end: Date;
  /** The local date of `end`, YYYY-MM-DD. */ date: string;
};

type Parts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function localParts(instant: number, timeZone: string): Parts {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

/** Local wall time minus UTC, in ms, at an instant. */
function zoneOffset(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
}

/** The instant a local date and time happens in a zone (the later one across a DST change). */
function zonedInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
) {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const guess = wall - zoneOffset(wall, timeZone);
  return wall - zoneOffset(guess, timeZone);
}

function isoDate(p: Pick<Parts, "year" | "month" | "day">): string {
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/**
 * The window of the latest send time (`at`, "HH:MM" local) at or before `now`, `hours` long, or from
 * `since` when given (a catch-up or a resend).
 */
export function briefWindow(
  schedule: { at: string; hours: number },
  now: Date,
  timeZone: string,
  since?: Date,
): BriefWindow {
  const [hour = 0, minute = 0] = schedule.at.split(":").map(Number);
  const today = localParts(now.getTime(), timeZone);
  let end = zonedInstant(today.year, today.month, today.day, hour, minute, timeZone);
  if (end > now.getTime()) {
    const yesterday = localParts(end - 24 * 60 * 60 * 1000, timeZone);
    end = zonedInstant(yesterday.year, yesterday.month, yesterday.day, hour, minute, timeZone);
  }
  const start = since ? since.getTime() : end - schedule.hours * 60 * 60 * 1000;
  return { start: new Date(start), end: new Date(end), date: isoDate(localParts(end, timeZone)) };
}

/** A window as the newsroom reads it: "2026-12-01 00:00 to 2026-12-02 06:00 Asia/Singapore". */
export function describeWindow(window: { start: Date; end: Date }, timeZone: string): string {
  const local = (d: Date) => {
    const p = localParts(d.getTime(), timeZone);
    const two = (n: number) => String(n).padStart(2, "0");
    return `${isoDate(p)} ${two(p.hour)}:${two(p.minute)}`;
  };
  return `${local(window.start)} to ${local(window.end)} ${timeZone}`;
}
