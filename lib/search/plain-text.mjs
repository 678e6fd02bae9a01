/**
 * Markdown → the words a reader sees, for the search index and its snippets. Plain JavaScript (typed
 * by plain-text.d.mts): the index's writer thread (index-worker.mjs) runs it, and worker files are
 * loaded by path, outside Next.js's bundles. A few regular
 * expressions, not a Markdown parser: at 100k stories the index is built in seconds, and a stray `*`
 * left in a snippet costs less than a parse per story. Raw HTML is dropped, as the page drops it.
 */
/** Private-use code points standing in for escaped ASCII punctuation while markers are removed. */
const ESCAPED = 0xf000;

const SHOWN_ATTRIBUTES = new Set(["alt", "credit", "title", "cite"]);

/** @param {string} _ @param {string} _name @param {string} label @param {string} attributes */
function directiveWords(_, _name, label = "", attributes = "") {
  const words = [label];
  for (const m of attributes.matchAll(/([A-Za-z]+)=(?:"([^"]*)"|'([^']*)'|(\S+))/g)) {
    if (SHOWN_ATTRIBUTES.has(m[1] ?? "")) words.push(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return ` ${words.join(" ")} `;
}

/** @param {string} markdown @returns {string} */
export function markdownToText(markdown) {
  return (
    markdown
      // Private-use characters are the index's own markers (here and for highlights): never content.
      .replace(/\p{Co}/gu, "")
      // Escaped punctuation is hidden from the steps below, then put back as itself.
      .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, (_, c) => String.fromCharCode(ESCAPED + c.charCodeAt(0)))
      // Fenced code keeps its text; the fences go.
      .replace(/^(```|~~~).*$/gm, " ")
      // Body blocks (lib/content/body-syntax.ts): a directive line keeps its caption and the words of
      // its alt, credit, title and cite; the rest (names, src, story) is syntax.
      .replace(/^[ \t]*:{2,}[ \t]*([A-Za-z]*)(?:\[([^\]\n]*)\])?(?:\{([^}\n]*)\})?[ \t]*$/gm, directiveWords)
      // Table rows: the cells' words; the |---| line is syntax.
      .replace(/^[ \t]*\|?[ \t]*:?-{1,}:?[ \t]*(\|[ \t]*:?-{1,}:?[ \t]*)+\|?[ \t]*$/gm, " ")
      .replace(/^[ \t]*\|(.*)\|[ \t]*$/gm, (_, cells) => cells.replace(/\|/g, " "))
      // Images: the alt text and the caption (title); links: the link text (reference links too).
      .replace(/!\[([^\]]*)\]\(\s*\S*(?:\s+"([^"]*)")?\s*\)/g, (_, alt, title) =>
        title ? `${alt} ${title}` : alt,
      )
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1")
      .replace(/^\s*\[[^\]]+\]:\s*\S+.*$/gm, " ")
      // HTML tags and comments (never rendered).
      .replace(/<!--[\s\S]*?-->/g, " ")
      .replace(/<\/?[a-zA-Z][^>]*>/g, " ")
      // Block markers at line starts: headings, quotes, list bullets and numbers, rules.
      .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, "")
      .replace(/^\s{0,3}([-*_])(\s*\1){2,}\s*$/gm, " ")
      // Emphasis and code markers around words; escaped characters keep the character.
      .replace(/(\*{1,3}|_{1,3}|`+|~~)(?=\S)([\s\S]*?\S)\1/g, "$2")
      .replace(/[\uf000-\uf07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - ESCAPED))
      .replace(/\s+/g, " ")
      .trim()
  );
}
