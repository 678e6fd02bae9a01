export function SourceLine({ source }: { source?: string }) {
  if (!source) return null;
  return <p className="text-muted mt-8 text-sm font-semibold">Source: {source}</p>;
}
