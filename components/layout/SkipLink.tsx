export function SkipLink() {
  return (
    <a
      href="#main"
      className="bg-ink text-page sr-only z-50 px-4 py-3 font-semibold focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
    >
      Skip to main content
    </a>
  );
}
