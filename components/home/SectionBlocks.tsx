import Link from "next/link";
import type { SectionBlock } from "@/lib/fronts/home";
import { PhotoCard } from "./PhotoCard";

/** Each section's block on the home page: its front's stories (or its newest), and "More {Section}". */
export function SectionBlocks({ blocks }: { blocks: readonly SectionBlock[] }) {
  if (blocks.length === 0) return null;
  return (
    <div className="grid gap-10">
      {blocks.map(({ section, stories }) => (
        <section key={section.slug} aria-labelledby={`block-${section.slug}`}>
          <div className="border-ink flex items-baseline justify-between gap-4 border-t-4 pt-2">
            <h2 id={`block-${section.slug}`} className="font-serif text-2xl font-bold">
              <Link href={`/${section.slug}`} className="hover:underline">
                {section.name}
              </Link>
            </h2>
            <Link
              href={`/${section.slug}`}
              className="text-accent shrink-0 font-semibold underline underline-offset-2 hover:no-underline"
            >
              More {section.name}
            </Link>
          </div>
          <ul className="mt-3 grid grid-cols-2 gap-x-4 gap-y-6 lg:grid-cols-4">
            {stories.map((a) => (
              <li key={a.slug}>
                <PhotoCard article={a} sizes="(min-width: 1024px) 18rem, calc(50vw - 1.5rem)" />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
