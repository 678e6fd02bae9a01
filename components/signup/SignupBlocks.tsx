import clsx from "clsx";
import { AppBlock } from "./AppBlock";
import { NewsletterBlock } from "./NewsletterBlock";
import { WhatsAppBlock } from "./WhatsAppBlock";

/** Newsletters, the app and WhatsApp alerts, after the article (never inside it), on home and FAST. */
export function SignupBlocks({ layout = "row" }: { layout?: "row" | "stack" }) {
  return (
    <aside aria-label="Stay in touch" className={clsx("grid gap-4", layout === "row" && "md:grid-cols-3")}>
      <NewsletterBlock />
      <AppBlock />
      <WhatsAppBlock />
    </aside>
  );
}
