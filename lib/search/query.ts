/**
 * A reader's words → an FTS5 MATCH expression that can never be a syntax error. Nothing a reader
 * types reaches FTS5's query language: every term is cut from runs of letters and digits and put in
 * double quotes (so AND, OR, NOT, NEAR, `*`, `^`, `:`, `-` and parentheses are plain words or gone),
 * and a balanced pair of double quotes keeps its words together as a phrase.
 */

/** Characters of a query that are read; the rest is ignored (a search box, not a document). */
export const MAX_QUERY_CHARS = 200;
/** Terms kept from a query; more would only slow the engine down. */
const MAX_TERMS = 12;

export type SearchQuery = {
  /** The query as it is shown back to the reader: cleaned, trimmed, at most MAX_QUERY_CHARS. */
  text: string;
  /** Lower-cased words, for the "no results" message and tests. */
  terms: string[];
  /** The FTS5 expression, or undefined when the query has no searchable word. */
  match: string | undefined;
};

// Letters, digits and combining marks make words, as FTS5's unicode61 tokenizer sees them.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
// Control and format characters, and the private-use pair the index uses to mark matches.
const UNWANTED = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu;

/** The first string of a search parameter (a repeated `?q=` gives an array), or "". */
export function firstParam(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

export function parseQuery(raw: string): SearchQuery {
  const text = clip(raw.replace(UNWANTED, " ").normalize("NFKC").replace(/\s+/g, " ").trim());
  const quoted = (text.match(/"/g) ?? []).length;
  // An even count of quotes: the odd-numbered stretches are phrases. An odd count: quotes are ignored.
  const stretches = quoted % 2 === 0 ? text.split('"') : [text.replaceAll('"', " ")];
  const parts: string[] = [];
  const terms: string[] = [];
  stretches.forEach((stretch, i) => {
    const words = (stretch.toLowerCase().match(WORD) ?? []).slice(0, MAX_TERMS - terms.length);
    if (words.length === 0) return;
    terms.push(...words);
    if (i % 2 === 1) parts.push(`"${words.join(" ")}"`);
    else parts.push(...words.map((w) => `"${w}"`));
  });
  const unique = [...new Set(parts)];
  return { text, terms: [...new Set(terms)], match: unique.length > 0 ? unique.join(" ") : undefined };
}

/** At most MAX_QUERY_CHARS characters, never cutting a character in half. */
function clip(text: string): string {
  const chars = Array.from(text);
  return chars.length <= MAX_QUERY_CHARS ? text : chars.slice(0, MAX_QUERY_CHARS).join("").trim();
}
