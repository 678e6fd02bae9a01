import { describe, expect, it } from "vitest";
import { markdownToText } from "./plain-text.mjs";

describe("markdownToText", () => {
  it("keeps link and image text, drops their addresses", () => {
    expect(markdownToText("See [the report](https://example.com/x) and ![a lab](lab.jpg).")).toBe(
      "See the report and a lab.",
    );
  });

  it("drops emphasis, code and block markers but keeps the words", () => {
    const md = "## Heading\n\n> A **bold** and _quiet_ `code` claim\n\n- one\n- two\n\n1. first\n\n---\n";
    expect(markdownToText(md)).toBe("Heading A bold and quiet code claim one two first");
  });

  it("drops raw HTML and comments, which the page never renders", () => {
    expect(markdownToText('Text <script>alert(1)</script> <!-- note --> <b class="x">more</b>')).toBe(
      "Text alert(1) more",
    );
  });

  it("keeps an escaped character as itself", () => {
    expect(markdownToText("2 \\* 3 and \\_not emphasis\\_")).toBe("2 * 3 and _not emphasis_");
  });

  it("indexes captions, credits and table text, not the syntax of directives and tables", () => {
    const md = [
      '![A lab](images/lab.jpg "Agents at the lab.")',
      "",
      '::photo[A raid at dawn.]{src=images/raid.jpg alt="Police" credit="AP/Someone"}',
      "",
      ':::factbox{title="Key facts"}',
      "- Founded 1990",
      ":::",
      "",
      "| Team | Goals |",
      "| :--- | ---: |",
      "| Red | 3 |",
      "",
      "::related{story=world/other-story}",
    ].join("\n");
    expect(markdownToText(md)).toBe(
      "A lab Agents at the lab. A raid at dawn. Police AP/Someone Key facts Founded 1990 Team Goals Red 3",
    );
  });
});
