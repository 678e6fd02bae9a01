import { describe, expect, it } from "vitest";
import { shareLinks } from "./links";

const hostile = {
  url: "https://news.example.com/world/a-story",
  title: `Q&A: "Tom & Jerry" <script>alert('x')</script> 100% #1? 東京 🚀`,
};

function byNetwork(target = hostile) {
  return Object.fromEntries(shareLinks(target).map((l) => [l.network, l]));
}

describe("shareLinks", () => {
  it("builds every network's link with the documented endpoints", () => {
    const l = byNetwork({ url: "https://n.example/world/s", title: "Headline" });
    expect(l.whatsapp?.href).toBe("https://wa.me/?text=Headline%20https%3A%2F%2Fn.example%2Fworld%2Fs");
    expect(l.telegram?.href).toBe(
      "https://t.me/share/url?url=https%3A%2F%2Fn.example%2Fworld%2Fs&text=Headline",
    );
    expect(l.x?.href).toBe(
      "https://twitter.com/intent/tweet?url=https%3A%2F%2Fn.example%2Fworld%2Fs&text=Headline",
    );
    expect(l.facebook?.href).toBe(
      "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fn.example%2Fworld%2Fs",
    );
    expect(l.linkedin?.href).toBe(
      "https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fn.example%2Fworld%2Fs",
    );
    expect(l.email?.href).toBe(
      "mailto:?subject=Headline&body=Headline%0A%0Ahttps%3A%2F%2Fn.example%2Fworld%2Fs",
    );
  });

  it("encodes hostile headlines so each parameter survives intact", () => {
    for (const link of shareLinks(hostile)) {
      const parsed = new URL(link.href);
      const values = [...parsed.searchParams.values()].join(" ");
      expect(values).toContain(hostile.url);
      if (link.network !== "facebook" && link.network !== "linkedin") expect(values).toContain(hostile.title);
      expect(link.href).not.toMatch(/[<>" ]/);
    }
  });

  it("marks only web networks as external", () => {
    expect(
      shareLinks(hostile)
        .filter((l) => !l.external)
        .map((l) => l.network),
    ).toEqual(["email"]);
  });
});
