import { describe, expect, it } from "vitest";
import { parseLiveView } from "./poll-answer";

const update = {
  id: "0915",
  version: "abc",
  published: "2026-12-01T09:15:00+08:00",
  time: "9:15 am GMT+8",
  fullTime: "1 Dec 2026, 9:15 am GMT+8",
  title: "Ferries suspended",
  key: true,
  pinned: false,
  html: "<p>All ferries are suspended.</p>",
  corrections: [{ date: "2026-12-01T09:30:00+08:00", text: "The pier was misnamed." }],
  permalink: "/world/storm/update/0915",
  shareUrl: "https://example.com/world/storm/update/0915",
};
const event = { id: "0915", title: "Ferries suspended", time: "9:15 am GMT+8", href: "#update-0915" };
const answer = {
  live: true,
  more: false,
  updated: "2026-12-01T09:15:00+08:00",
  updates: [update],
  keyEvents: [event],
};
const parse = (value: unknown) => parseLiveView(JSON.stringify(value));

describe("parseLiveView", () => {
  it("reads an answer whole: state, updates and key events", () => {
    const view = parse(answer);
    expect(view?.live).toBe(true);
    expect(view?.updates).toEqual([{ ...update, byline: undefined }]);
    expect(view?.keyEvents).toEqual([event]);
  });

  it("leaves key events out of an answer made before them, so the page keeps its own", () => {
    const view = parse({ ...answer, keyEvents: undefined });
    expect(view).toBeDefined();
    expect(view && "keyEvents" in view).toBe(false);
  });

  it("refuses an answer with any field of the wrong kind rather than showing part of it", () => {
    for (const broken of [
      { ...answer, live: "yes" },
      { ...answer, updates: [{ ...update, id: 915 }] },
      { ...answer, updates: [{ ...update, corrections: [{ date: 1 }] }] },
      { ...answer, keyEvents: [{ ...event, href: null }] },
      { ...answer, keyEvents: ["0915"] },
      [answer],
      null,
    ]) {
      expect(parse(broken), JSON.stringify(broken).slice(0, 60)).toBeUndefined();
    }
    expect(parseLiveView("<html>502 Bad Gateway</html>")).toBeUndefined();
  });
});
