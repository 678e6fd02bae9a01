/** Text with the search engine's match markers → pieces a component renders, marks as <mark>. */

/** Private-use code points (never in indexed text: plain-text.ts strips them) around each match. */
export const MARK_OPEN = "\ue000";
export const MARK_CLOSE = "\ue001";

export type Highlighted = { text: string; match: boolean }[];

export function splitMarks(marked: string): Highlighted {
  const pieces: Highlighted = [];
  let match = false;
  for (const part of marked.split(/([\ue000\ue001])/)) {
    if (part === MARK_OPEN) match = true;
    else if (part === MARK_CLOSE) match = false;
    else if (part) pieces.push({ text: part, match });
  }
  return pieces;
}
