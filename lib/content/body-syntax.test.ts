import { describe, expect, it } from "vitest";
import { inspectBody } from "./body-syntax";
import { renderMarkdown } from "./markdown";

const problems = (md: string, first = 1) =>
  inspectBody(md, first).problems.map((p) => `${p.line}: ${p.message}`);

describe("inspectBody", () => {
  it("finds every photo with its line, counted from the body's first line in the file", () => {
    const md = [
      "Text.",
      "",
      '![A lab](images/lab.jpg "Caption")',
      "",
      '::photo[Caption]{src=images/b.jpg alt="B" credit="AP"}',
      "",
      ":::photo{src=images/c.jpg alt=C}",
      "Caption of C.",
      ":::",
      "",
      ":::gallery",
      "![One](images/d.jpg)",
      "![Two](images/e.jpg)",
      ":::",
    ].join("\n");
    const found = inspectBody(md, 10);
    expect(found.problems).toEqual([]);
    expect(found.photos).toEqual([
      { src: "images/lab.jpg", line: 12 },
      { src: "images/b.jpg", line: 14 },
      { src: "images/c.jpg", line: 16 },
      { src: "images/d.jpg", line: 21 },
      { src: "images/e.jpg", line: 22 },
    ]);
  });

  it("accepts pull quotes, fact boxes and Read also", () => {
    const md =
      ':::pullquote{cite="A minister"}\nWords.\n:::\n\n:::factbox{title="Key facts"}\n- one\n:::\n\n::related{story=world/a-story}';
    expect(problems(md)).toEqual([]);
  });

  it.each([
    [
      "![](images/a.jpg)",
      '1: photo "images/a.jpg" needs alt text, describing the photo for readers who cannot see it',
    ],
    [
      "![A](lab.jpg)",
      '1: photo "lab.jpg" must be a .jpg, .png, .webp or .avif file under images/, e.g. images/lab.jpg',
    ],
    [
      "![A](https://evil.example/a.jpg)",
      '1: photo "https://evil.example/a.jpg" must be a .jpg, .png, .webp or .avif file under images/, e.g. images/lab.jpg',
    ],
    ["Text ![A](images/a.jpg) more.", '1: photo "images/a.jpg" must be on a line of its own'],
    [
      '::photo{src="javascript:alert(1)" alt=x}',
      '1: photo "javascript:alert(1)" must be a .jpg, .png, .webp or .avif file under images/, e.g. images/lab.jpg',
    ],
    ["::photo{alt=x}", '1: ::photo needs src="…"'],
    [
      "::photo{src=images/a.jpg}",
      '1: ::photo needs alt="…"',
      '1: photo "images/a.jpg" needs alt text, describing the photo for readers who cannot see it',
    ],
    [
      "::phtoo{src=images/a.jpg}",
      "1: ::phtoo is not a known block (did you mean ::photo?); known: photo, gallery, pullquote, factbox, related",
    ],
    [
      "::photo{src=images/a.jpg alt=A creddit=AP}",
      '1: ::photo: "creddit" is not a known attribute (did you mean "credit"?)',
    ],
    [":::factbox\nText\n:::", ':::factbox needs title="…"'.replace(/^/, "1: ")],
    ["::factbox{title=T}", "1: ::factbox needs three colons and a closing ::: line"],
    [":::related{story=world/a}\nx\n:::", "1: :::related takes two colons and no content, e.g. ::related{…}"],
    [
      "::related{story=a-story}",
      '1: ::related story="a-story" must be section/slug, e.g. world/leaders-meet',
    ],
    [":::gallery\nText.\n:::", "1: :::gallery may hold only photos, one a line"],
    [":::gallery\n![A](images/a.jpg)\n:::", "1: :::gallery needs at least two photos"],
    ["::::factbox{title=T}\n:::pullquote\nx\n:::\n::::", "2: :::pullquote cannot be inside :::factbox"],
  ])("refuses %j", (md, ...expected) => {
    expect(problems(md)).toEqual(expected);
  });

  it("leaves a colon inside a sentence alone (no text directives)", () => {
    expect(problems("Score:Arsenal 2, at 10:30.")).toEqual([]);
    expect(renderMarkdown("Score:Arsenal{x} 2")).toBe("<p>Score:Arsenal{x} 2</p>");
  });
});
