import { describe, expect, it } from "vitest";
import { bodyParagraphs, briefingParts, spokenText, summarySpeech, type Speakable } from "./speech";

const story = (over: Partial<Speakable> = {}): Speakable => ({
  title: "Leaders meet for climate summit",
  standfirst: "Talks on funding stall.",
  body: "First paragraph.",
  corrections: [],
  ...over,
});

describe("spokenText", () => {
  it("reads the headline, the standfirst, then the body, each as a sentence", () => {
    expect(spokenText(story())).toBe(
      "Leaders meet for climate summit.\n\nTalks on funding stall.\n\nFirst paragraph.",
    );
  });

  it("reads the dateline as a word", () => {
    const text = spokenText(
      story({ dateline: "WASHINGTON", body: "WASHINGTON: The United States said so." }),
    );
    expect(text).toContain("Washington. The United States said so.");
    expect(text).not.toContain("WASHINGTON");
  });

  it("reads the dateline as a word after a heading too", () => {
    expect(bodyParagraphs("## Overnight\n\nWASHINGTON: Then.", "WASHINGTON")).toEqual([
      "Overnight",
      "Washington. Then.",
    ]);
  });

  it("reads a dateline of two words in title case", () => {
    expect(bodyParagraphs("NEW YORK: Markets rose.", "NEW YORK")).toEqual(["New York. Markets rose."]);
  });

  it("reads link text, never a URL, markup or an image caption", () => {
    const body = [
      "Read [the report](https://example.com/report) at https://example.com/x or www.example.org today.",
      "",
      '![A harbour at dawn](images/harbour.jpg "Boats in the harbour")',
      "",
      '::photo[The caption of a photo]{src=images/x.jpg alt="Alt text"}',
      "",
      "Some **bold** and _italic_ words<br>and `code`.",
    ].join("\n");
    const text = spokenText(story({ body }));
    expect(text).toContain("Read the report at or today.");
    expect(text).toContain("Some bold and italic words and code.");
    for (const never of ["http", "www.", "harbour", "caption", "Alt text", "**", "<br>"])
      expect(text).not.toContain(never);
  });

  it("leaves out galleries, pull quotes, tables and Read also, and reads fact boxes", () => {
    const body = [
      "Before.",
      "",
      ':::pullquote{cite="A minister"}',
      "A quote the body already has.",
      ":::",
      "",
      "| a | b |",
      "| - | - |",
      "| 1 | 2 |",
      "",
      ':::factbox{title="Key figures"}',
      "- Forty ships",
      "- Two ports",
      ":::",
      "",
      "::related{story=world/other-story}",
      "",
      "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
      "",
      "## After the storm",
      "",
      "After.",
    ].join("\n");
    expect(bodyParagraphs(body)).toEqual([
      "Before.",
      "Key figures",
      "Forty ships",
      "Two ports",
      "After the storm",
      "After.",
    ]);
  });

  it("reads corrections last, each as Correction", () => {
    const text = spokenText(
      story({ corrections: [{ date: "2026-01-02", text: "An earlier version misnamed the port" }] }),
    );
    expect(text.endsWith("Correction: An earlier version misnamed the port.")).toBe(true);
  });

  it("reads a live story's key points, not its updates", () => {
    const text = spokenText(
      story({
        body: "The page's opening text.",
        summary: ["Point one.", "Point two"],
        live: { updates: [] },
      }),
    );
    expect(text).toBe(
      "Leaders meet for climate summit.\n\nTalks on funding stall.\n\nKey points.\n\nPoint one.\n\nPoint two.",
    );
  });
});

describe("summarySpeech and briefingParts (the short narrations)", () => {
  const a = { title: "Storm hits coast", summary: ["Winds of 150 km/h", "Power cut to 10,000 homes."] };
  const b = { title: "Rates held", summary: ["The bank waits"] };

  it("reads a summary as its headline then its points, each a sentence", () => {
    expect(summarySpeech(a)).toBe("Storm hits coast.\n\nWinds of 150 km/h.\n\nPower cut to 10,000 homes.");
  });

  it("reads the briefing as its title then each story's summary, one part each, in the deck's order", () => {
    expect(briefingParts([a, b], "Dispatch")).toEqual([
      "The Dispatch FAST briefing.",
      summarySpeech(a),
      "Rates held.\n\nThe bank waits.",
    ]);
  });
});
