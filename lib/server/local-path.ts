const BASE = "http://site.invalid";

/**
 * A path on this site to send a browser to, from untrusted input; "/" for anything else. The check
 * is made on the path as the URL parser leaves it, not on the input: parsing removes tabs and
 * newlines and dot segments and reads `\` as `/`, so `/.//evil.example` or `/.\/evil.example`
 * become `//evil.example`, which a browser reads as another host. The result is rebuilt from the
 * parsed path and query, so what is checked is what is sent.
 */
export function localPath(input: string | null | undefined): string {
  if (!input?.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(input, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE || !/^\/(?![/\\])/.test(url.pathname)) return "/";
  return `${url.pathname}${url.search}`;
}
