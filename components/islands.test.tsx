/**
 * Server-render smoke tests for every client island: each must render on the server (the HTML a
 * reader without JavaScript gets) with its working parts in place, before any script runs.
 */
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { siteConfig } from "@/lib/config/site";
import type { TokenState } from "@/lib/newsletter/actions";
import { DeckControls } from "./fast/DeckControls.island";
import { FastReturnBar } from "./fast/FastReturnBar.island";
import { NavLink } from "./layout/NavLink.island";
import { SignupForm } from "./newsletter/SignupForm.island";
import { TokenForm } from "./newsletter/TokenForm.island";
import { ShareActions } from "./share/ShareActions.island";

// The server knows the path it renders: a story in the World section.
vi.mock("next/navigation", () => ({ usePathname: () => "/world/a-story" }));

describe("client islands render on the server", () => {
  it("NavLink marks the section the reader is in, and only that one", () => {
    const html = (href: string) =>
      renderToString(
        <NavLink href={href} className="link">
          Section
        </NavLink>,
      );
    expect(html("/world")).toContain('aria-current="true"');
    expect(html("/world/a-story")).toContain('aria-current="page"');
    expect(html("/worldly")).not.toContain("aria-current");
    expect(html("/asia")).not.toContain("aria-current");
  });

  it("DeckControls renders its polite live region, empty until a card changes", () => {
    const html = renderToString(<DeckControls />);
    expect(html).toBe('<p aria-live="polite" aria-atomic="true" class="sr-only"></p>');
  });

  it("SignupForm is a form with a labelled email field, every newsletter and a submit button", () => {
    const html = renderToString(<SignupForm newsletters={siteConfig.newsletters} />);
    expect(html).toContain("<form");
    expect(html).toMatch(/<label[^>]*for="[^"]+"[^>]*>Email address/);
    for (const n of siteConfig.newsletters) expect(html).toContain(n.name);
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Subscribe<\/button>/);
  });

  it("TokenForm posts the token with one labelled button", () => {
    const action = async (previous: TokenState): Promise<TokenState> => previous;
    const html = renderToString(<TokenForm action={action} token="tok.en" label="Confirm my subscription" />);
    expect(html).toMatch(/<input type="hidden" name="token" value="tok.en"\/>/);
    expect(html).toContain(">Confirm my subscription</button>");
  });

  it("ShareActions renders nothing on the server: its buttons need JavaScript (the share links do not)", () => {
    const html = renderToString(
      <ShareActions url="https://example.com/a" title="A story" buttonClass="btn" />,
    );
    expect(html).toBe("");
  });

  it("FastReturnBar renders nothing on the server: only the browser knows the story came from FAST", () => {
    expect(renderToString(<FastReturnBar slug="a-story" />)).toBe("");
  });
});
