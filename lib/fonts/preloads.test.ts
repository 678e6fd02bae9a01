import { describe, expect, it } from "vitest";
import { fontFilesIn } from "./preloads";

describe("fontFilesIn", () => {
  it("names the .woff2 files among a build's media, sorted", () => {
    expect(
      fontFilesIn([
        "source_serif_4_latin_wght_normal-s.2bbm7w9b-e07f.woff2",
        "icon.3l_omeg98psva.svg",
        "inter_latin_wght_normal-s.0gsaq8ukbf34m.woff2",
        "harbour.1a2b.jpg",
      ]),
    ).toEqual([
      "inter_latin_wght_normal-s.0gsaq8ukbf34m.woff2",
      "source_serif_4_latin_wght_normal-s.2bbm7w9b-e07f.woff2",
    ]);
  });

  it("ignores names that are not plain file names", () => {
    expect(fontFilesIn(["a b.woff2", "x.woff", "x.woff2.map", "ok.woff2"])).toEqual(["ok.woff2"]);
  });
});
