import { describe, expect, it } from "vitest";
import { GET } from "./route";

describe("GET /newsletter/one-click (a person clicking the List-Unsubscribe link)", () => {
  it("redirects with a relative Location, never to the address the server listens on", async () => {
    // Next.js hands route handlers its own bind address, not the public host the reader used.
    const response = await GET(new Request("http://127.0.0.1:3999/newsletter/one-click?token=12.abc"));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/newsletter/unsubscribe?token=12.abc");
  });

  it("keeps a hostile token inside the query, encoded", async () => {
    const response = await GET(
      new Request("http://127.0.0.1:3999/newsletter/one-click?token=%2F%2Fevil.example%23%0D%0AX"),
    );
    const location = response.headers.get("location") ?? "";
    expect(location.startsWith("/newsletter/unsubscribe?token=")).toBe(true);
    expect(new URL(location, "https://news.example.com").origin).toBe("https://news.example.com");
    expect(location).not.toMatch(/[\r\n]/);
  });
});
