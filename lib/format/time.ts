import { siteConfig } from "@/lib/config/site";

const formatter = new Intl.DateTimeFormat(siteConfig.locale, {
  timeZone: siteConfig.timeZone,
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  // h12, not hour12: en-GB's 12-hour clock counts 0-11 ("0:02 am" for two minutes past midnight).
  hourCycle: "h12",
  timeZoneName: "short",
});

/** "16 Jan 2026, 7:41 am GMT+8": in the newsroom's time zone, rendered on the server only. */
export function formatDateTime(iso: string): string {
  return formatter.format(new Date(iso));
}

const clock = new Intl.DateTimeFormat(siteConfig.locale, {
  timeZone: siteConfig.timeZone,
  hour: "numeric",
  minute: "2-digit",
  // h12, not hour12: en-GB's 12-hour clock counts 0-11 ("0:02 am" for two minutes past midnight).
  hourCycle: "h12",
  timeZoneName: "short",
});

/** "7:41 am GMT+8": the time of day in the newsroom's zone (a live update's time). */
export function formatClock(iso: string): string {
  return clock.format(new Date(iso));
}

const bareClock = new Intl.DateTimeFormat(siteConfig.locale, {
  timeZone: siteConfig.timeZone,
  hour: "numeric",
  minute: "2-digit",
  hourCycle: "h12",
});
const dayMonth = new Intl.DateTimeFormat(siteConfig.locale, {
  timeZone: siteConfig.timeZone,
  day: "numeric",
  month: "short",
});
const dayKey = new Intl.DateTimeFormat("en-CA", { timeZone: siteConfig.timeZone });

/**
 * "7:41 am" for a time on the same day as `now` in the newsroom's zone, else "3 Dec": a listing's
 * short time (the full one goes in the element's title).
 */
export function formatShortTime(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  return dayKey.format(at) === dayKey.format(now) ? bareClock.format(at) : dayMonth.format(at);
}
