/** Markdown → the words a reader sees (plain-text.mjs). */
export function markdownToText(markdown: string): string;
