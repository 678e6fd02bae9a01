import clsx from "clsx";

/** The page's horizontal rhythm: full width on phones, a centred column on wide screens. */
export function Container({ children, className }: { children: React.ReactNode; className?: string }) {
  return <div className={clsx("mx-auto w-full max-w-6xl px-4 sm:px-6", className)}>{children}</div>;
}
