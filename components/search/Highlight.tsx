import type { Highlighted } from "@/lib/search/highlight";

/** Text with the reader's matched words in <mark>. React escapes every piece: no HTML from content. */
export function Highlight({ pieces }: { pieces: Highlighted }) {
  return pieces.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : p.text));
}
