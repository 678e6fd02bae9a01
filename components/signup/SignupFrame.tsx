import clsx from "clsx";

/** The frame shared by the three signup blocks: heading, one line, and the block's own action. */
export function SignupFrame({
  id,
  title,
  text,
  children,
  className,
}: {
  id: string;
  title: string;
  text: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <section
      aria-labelledby={id}
      className={clsx("border-rule bg-page flex flex-col gap-3 rounded-lg border p-5", className)}
    >
      <h2 id={id} className="font-serif text-xl font-bold">
        {title}
      </h2>
      <p className="text-muted">{text}</p>
      <div className="mt-auto">{children}</div>
    </section>
  );
}

export const ACTION_LINK =
  "bg-ink text-page inline-flex min-h-11 items-center gap-2 rounded-full px-5 font-semibold hover:opacity-90";
