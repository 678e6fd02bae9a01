/**
 * A path on this site to send a browser to, from untrusted input; "/" for anything else. Refuses
 * other origins and protocol-relative tricks (`//evil.example`, `/\evil.example`).
 */
export function localPath(input: string | null | undefined): string {
  if (!input || !input.startsWith("/") || input.startsWith("//") || input.startsWith("/\\")) return "/";
  try {
    const base = "http://site.invalid";
    const url = new URL(input, base);
    return url.origin === base ? `${url.pathname}${url.search}` : "/";
  } catch {
    return "/";
  }
}
