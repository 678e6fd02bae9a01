import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

describe("renderMarkdown", () => {
  it("renders paragraphs, emphasis and links", () => {
    expect(renderMarkdown("Hello *world*.\n\nSecond [link](/world).")).toBe(
      '<p>Hello <em>world</em>.</p>\n<p>Second <a href="/world">link</a>.</p>',
    );
  });

  it("marks the dateline at the start of the first paragraph only", () => {
    expect(renderMarkdown("WASHINGTON: The story.\n\nWASHINGTON: again.", { dateline: "WASHINGTON" })).toBe(
      '<p><span class="dateline">WASHINGTON:</span> The story.</p>\n<p>WASHINGTON: again.</p>',
    );
    expect(renderMarkdown("The story.", { dateline: "WASHINGTON" })).toBe("<p>The story.</p>");
  });

  it("gives external links rel=noopener noreferrer and leaves internal ones alone", () => {
    expect(renderMarkdown("[a](https://example.com/x) [b](/world)")).toBe(
      '<p><a href="https://example.com/x" rel="noopener noreferrer">a</a> <a href="/world">b</a></p>',
    );
  });

  // An XSS corpus: none of these may produce a script, handler, or dangerous URL.
  const corpus = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<iframe src=https://evil.example></iframe>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](  javascript:alert(1))",
    "[click](java&#x09;script:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    "![x](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<style>body{display:none}</style>",
    '<form action="https://evil.example"><input name=q></form>',
    "<<script>script>alert(1)<</script>/script>",
    '"><img src=x onerror=alert(1)>',
    '[x](https://example.com "title" onmouseover=alert(1))',
    "<object data=x></object><embed src=x>",
  ];

  it.each(corpus)("neutralises %s", (input) => {
    const html = renderMarkdown(input);
    expect(html).not.toMatch(/<(script|iframe|style|object|embed|form|input|svg|math)\b/i);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/(href|src)="\s*(javascript|vbscript|data):/i);
    expect(html).not.toMatch(/<[^>]*\sstyle=/i);
  });

  it("keeps the words of raw HTML out rather than executing them", () => {
    expect(renderMarkdown("Before <b>bold</b> after")).toBe("<p>Before bold after</p>");
  });
});
