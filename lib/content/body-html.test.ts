import { describe, expect, it } from "vitest";
import { makeArticle } from "./article.fixture";
import { bodyHtml } from "./body-html";

const links = {
  absolute: (p: string) => `https://news.example${p}`,
  story: (slug: string) =>
    slug === "other" ? makeArticle({ slug: "other", title: "Other <story>" }) : undefined,
};

describe("bodyHtml (feeds)", () => {
  it("writes photos as figures with absolute URLs, embeds as links, Read also as a link", () => {
    const article = makeArticle({
      body: [
        "Text.",
        '![A lab](images/a.jpg "Caption <b>.")',
        "https://youtu.be/dQw4w9WgXcQ",
        "::related{story=world/other}",
        "::related{story=world/not-public}",
        ':::factbox{title="Facts & <figures>"}\n- one\n:::',
      ].join("\n\n"),
      photos: [{ src: "images/a.jpg", url: "/media/aaaaaaaaaaaa/a.jpg", width: 1600, height: 900 }],
    });
    expect(bodyHtml(article, links)).toBe(
      [
        "<p>Text.</p>",
        '<figure><img src="https://news.example/media/aaaaaaaaaaaa/a.jpg" alt="A lab" width="1600" height="900"><figcaption>Caption &#x3C;b>.</figcaption></figure>',
        '<p><a href="https://youtu.be/dQw4w9WgXcQ">Video on YouTube: https://youtu.be/dQw4w9WgXcQ</a></p>',
        '<p>Read also: <a href="https://news.example/world/other">Other &#x3C;story></a></p>',
        "<aside><h3>Facts &#x26; &#x3C;figures></h3><ul>\n<li>one</li>\n</ul></aside>",
      ].join("\n"),
    );
  });
});
