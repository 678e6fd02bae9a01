import { siteConfig } from "@/lib/config/site";

const formatter = new Intl.DateTimeFormat(siteConfig.locale, {
  timeZone: siteConfig.timeZone,
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  hour12: true,
  timeZoneName: "short",
});

/** "16 Jan 2026, 7:41 am GMT+8": in the newsroom's time zone, rendered on the server only. */
export function formatDateTime(iso: string): string {
  return formatter.format(new Date(iso));
}
