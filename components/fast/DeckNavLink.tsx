/** A previous/next link: a real link with JavaScript off; the deck controls make it scroll in place. */
export function DeckNavLink({
  href,
  slug,
  rel,
  children,
}: {
  href: string;
  slug: string;
  rel: "prev" | "next";
  children: React.ReactNode;
}) {
  return (
    <a
      href={href}
      rel={rel}
      data-deck-target={slug}
      className="border-rule hover:border-ink bg-page inline-flex min-h-11 min-w-11 items-center justify-center rounded-full border px-3 font-semibold sm:px-4"
    >
      {children}
    </a>
  );
}
