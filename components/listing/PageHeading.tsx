export function PageHeading({
  kicker,
  title,
  description,
}: {
  kicker?: string;
  title: string;
  description?: string;
}) {
  return (
    <header className="border-ink mt-6 mb-2 border-b-4 pb-3 sm:mt-10">
      {kicker ? <p className="text-accent text-xs font-bold tracking-wider uppercase">{kicker}</p> : null}
      <h1 className="font-serif text-4xl font-bold tracking-tight">{title}</h1>
      {description ? <p className="text-muted mt-1">{description}</p> : null}
    </header>
  );
}
