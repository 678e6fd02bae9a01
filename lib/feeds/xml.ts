/** Helpers for XML outputs: every string that reaches XML goes through one of these. */

const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Removes characters XML 1.0 forbids (control characters), which no escaping can make legal. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, "");
}

/**
 * The feed library writes titles and descriptions as CDATA, and its XML writer (xml-js) escapes only
 * the first `]]>` in each: a second one ended the section early and made the whole feed malformed.
 * Every `]]>` is swapped for a private-use marker before (cdataText), and for a proper CDATA split
 * after (closeCdata), serialising.
 */
const CDATA_END = "\uE000cdata-end\uE000";

export function cdataText(text: string): string {
  return xmlSafe(text).replaceAll("]]>", CDATA_END);
}

export function closeCdata(xml: string): string {
  return xml.replaceAll(CDATA_END, "]]]]><![CDATA[>");
}

export function escapeXml(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function xmlResponse(body: string, type = "application/xml"): Response {
  return new Response(body, {
    headers: { "Content-Type": `${type}; charset=utf-8`, "X-Content-Type-Options": "nosniff" },
  });
}
