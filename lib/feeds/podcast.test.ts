import Parser from "rss-parser";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { buildPodcast, type Episode } from "./podcast";

const episode = (over: Partial<Episode> = {}): Episode => ({
  guid: "0123456789abcdef0123456789abcdef",
  title: "Leaders meet ]]> for <climate> & summit ]]> again",
  description: "Talks on funding stall.",
  link: "/world/climate-summit",
  audio: {
    url: "/world/climate-summit/listen/0123456789abcdef0123456789abcdef.mp3",
    bytes: 622_512,
    seconds: 103.6,
  },
  date: new Date("2026-12-04T10:00:00Z"),
  ...over,
});

/** A podcast app's reader (rss-parser, with the iTunes fields it knows). */
const parser = new Parser({
  customFields: { item: ["itunes:explicit"], feed: ["itunes:explicit", "itunes:type"] },
});

describe("buildPodcast (/audio.xml)", () => {
  it("is a feed a podcast app reads: enclosures with URL, length and type, a GUID each, the iTunes tags", async () => {
    const briefing = episode({
      guid: "fedcba9876543210fedcba9876543210",
      title: "The FAST briefing",
      link: "/fast",
      audio: { url: "/fast/listen/fedcba9876543210fedcba9876543210.mp3", bytes: 1_000, seconds: 3725 },
      date: new Date("2026-12-05T08:00:00Z"),
    });
    const xml = buildPodcast([briefing, episode()]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = await parser.parseString(xml);
    expect(feed.title).toBe("Dispatch: listen");
    expect(feed.itunes?.image).toBe("http://localhost:3000/podcast.png");
    expect(feed.itunes?.categories).toEqual(["News"]);
    expect(feed.itunes?.explicit).toBe("false");
    expect(feed.itunes?.author).toBe("Dispatch");
    expect(feed.items).toHaveLength(2);
    const [first, second] = feed.items;
    expect(first?.guid).toBe("fedcba9876543210fedcba9876543210");
    expect(first?.enclosure).toEqual({
      url: "http://localhost:3000/fast/listen/fedcba9876543210fedcba9876543210.mp3",
      length: "1000",
      type: "audio/mpeg",
    });
    expect(first).toMatchObject({ itunes: { duration: "1:02:05" } });
    expect(second?.title).toBe("Leaders meet ]]> for <climate> & summit ]]> again");
    expect(second?.link).toBe("http://localhost:3000/world/climate-summit");
    expect(second).toMatchObject({ itunes: { duration: "01:44" } });
    expect(second?.pubDate).toBe("Fri, 04 Dec 2026 10:00:00 GMT");
  });

  it("names Apple's category and subcategory as attributes, as its directory requires", () => {
    const doc = new XMLParser({ ignoreAttributes: false }).parse(buildPodcast([episode()]));
    const channel = doc.rss.channel;
    expect(doc.rss["@_xmlns:itunes"]).toBe("http://www.itunes.com/dtds/podcast-1.0.dtd");
    expect(channel["itunes:category"]["@_text"]).toBe("News");
    expect(channel["itunes:category"]["itunes:category"]["@_text"]).toBe("Daily News");
    expect(channel["itunes:image"]["@_href"]).toBe("http://localhost:3000/podcast.png");
    expect(channel.item["itunes:explicit"]).toBe(false);
  });

  it("is still a valid, empty feed before anything is narrated", async () => {
    const feed = await parser.parseString(buildPodcast([]));
    expect(feed.items).toEqual([]);
  });
});
