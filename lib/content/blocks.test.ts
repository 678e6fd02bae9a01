import { describe, expect, it } from "vitest";
import type { BodyPhoto } from "./article";
import { bodyBlocks } from "./blocks";

const photos: BodyPhoto[] = [
  { src: "images/a.jpg", url: "/media/aaaaaaaaaaaa/a.jpg", width: 1600, height: 900 },
  { src: "images/b.jpg", url: "/media/bbbbbbbbbbbb/b.jpg", width: 800, height: 1200 },
];
const blocks = (md: string, dateline?: string) => bodyBlocks(md, { photos, dateline });

describe("bodyBlocks", () => {
  it("keeps plain Markdown as one sanitised flow, dateline marked", () => {
    expect(blocks("WASHINGTON: Text.\n\nMore.", "WASHINGTON")).toEqual([
      { _type: "flow", html: '<p><span class="dateline">WASHINGTON:</span> Text.</p>\n<p>More.</p>' },
    ]);
  });

  it("makes a Markdown image on its own line a photo with the file's size and the title as caption", () => {
    expect(blocks('Before.\n\n![A lab](images/a.jpg "The lab.")\n\nAfter.')).toEqual([
      { _type: "flow", html: "<p>Before.</p>" },
      {
        _type: "photo",
        url: "/media/aaaaaaaaaaaa/a.jpg",
        width: 1600,
        height: 900,
        alt: "A lab",
        caption: "The lab.",
      },
      { _type: "flow", html: "<p>After.</p>" },
    ]);
  });

  it("reads ::photo and :::photo with caption and credit", () => {
    const photo = { _type: "photo", url: "/media/bbbbbbbbbbbb/b.jpg", width: 800, height: 1200, alt: "B" };
    expect(blocks('::photo[Caption *here*.]{src=images/b.jpg alt="B" credit="AP/Someone"}')).toEqual([
      { ...photo, caption: "Caption here.", credit: "AP/Someone" },
    ]);
    expect(blocks(":::photo{src=images/b.jpg alt=B credit=Reuters}\nThe caption.\n:::")).toEqual([
      { ...photo, caption: "The caption.", credit: "Reuters" },
    ]);
  });

  it("makes a gallery of images and ::photo leaves", () => {
    const [g] = blocks(
      ':::gallery\n![A](images/a.jpg "One")\n![B](images/b.jpg)\n::photo[Three]{src=images/a.jpg alt=C credit=X}\n:::',
    );
    expect(g?._type).toBe("gallery");
    expect(g?._type === "gallery" && g.photos.map((p) => [p.alt, p.caption, p.credit])).toEqual([
      ["A", "One", undefined],
      ["B", undefined, undefined],
      ["C", "Three", "X"],
    ]);
  });

  it("makes a GFM table with header cells, and its text for search", () => {
    expect(blocks("| Team | Goals |\n| --- | ---: |\n| Red | 3 |")).toEqual([
      {
        _type: "table",
        html: '<table>\n<thead>\n<tr>\n<th>Team</th>\n<th align="right">Goals</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Red</td>\n<td align="right">3</td>\n</tr>\n</tbody>\n</table>',
        text: "Team Goals Red 3",
      },
    ]);
  });

  it("makes pull quotes and fact boxes, their Markdown sanitised", () => {
    expect(blocks(':::pullquote{cite="A minister"}\nWe will *not* wait.\n:::')).toEqual([
      { _type: "pullquote", html: "<p>We will <em>not</em> wait.</p>", cite: "A minister" },
    ]);
    expect(
      blocks(
        ':::factbox{title="Key facts"}\n- One <script>alert(1)</script>\n- [x](javascript:alert(1))\n:::',
      ),
    ).toEqual([
      { _type: "factbox", title: "Key facts", html: "<ul>\n<li>One alert(1)</li>\n<li><a>x</a></li>\n</ul>" },
    ]);
  });

  it.each([
    [
      "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
      "YouTube",
      "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
    ],
    [
      "https://youtu.be/dQw4w9WgXcQ",
      "YouTube",
      "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
    ],
    ["https://vimeo.com/76979871", "Vimeo", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"],
    [
      "https://x.com/reuters/status/1234567890",
      "X",
      "https://platform.twitter.com/embed/Tweet.html?id=1234567890&dnt=true",
    ],
    [
      "https://www.instagram.com/p/C1a2B3c4D5e/",
      "Instagram",
      "https://www.instagram.com/p/C1a2B3c4D5e/embed",
    ],
    [
      "https://www.tiktok.com/@someone/video/7212345678901234567",
      "TikTok",
      "https://www.tiktok.com/embed/v2/7212345678901234567",
    ],
  ])("makes %s on its own line an embed", (url, provider, player) => {
    expect(blocks(`Text.\n\n${url}\n\nMore.`)[1]).toMatchObject({ _type: "embed", provider, url, player });
    expect(blocks(`<${url}>`)[0]).toMatchObject({ _type: "embed", provider });
  });

  it("leaves other links, and provider links inside a sentence, as links", () => {
    expect(blocks("https://example.com/watch?v=dQw4w9WgXcQ")[0]?._type).toBe("flow");
    expect(blocks("See https://youtu.be/dQw4w9WgXcQ now.")[0]?._type).toBe("flow");
    expect(blocks("[a video](https://youtu.be/dQw4w9WgXcQ)")[0]?._type).toBe("flow");
  });

  it("makes ::related a Read also reference", () => {
    expect(blocks("::related{story=world/a-story}")).toEqual([
      { _type: "related", section: "world", slug: "a-story" },
    ]);
  });

  it("leaves out what the loader refuses: hostile attributes are inert", () => {
    const hostile = [
      '::photo[x]{src="javascript:alert(1)" alt=x}',
      "::photo[x]{src=images/unknown.jpg alt=x}",
      "![](images/a.jpg)",
      "::script{src=x}",
      ':::factbox{title=""}\nx\n:::',
    ];
    for (const md of hostile) expect(blocks(md), md).toEqual([]);
    expect(blocks('::related{story="javascript:alert(1)"}')).toEqual([]);
    // Not a directive at all (a quote inside a quoted value): it stays the text the editor typed.
    expect(blocks('::photo[x]{src="images/a.jpg\\" onerror=\\"alert(1)" alt=x}')).toEqual([
      { _type: "flow", html: '<p>::photo[x]{src="images/a.jpg" onerror="alert(1)" alt=x}</p>' },
    ]);
  });
});
