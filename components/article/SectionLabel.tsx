import Link from "next/link";
import type { SectionConfig } from "@/lib/config/site";

export function SectionLabel({ section }: { section: SectionConfig }) {
  return (
    <Link
      href={`/${section.slug}`}
      className="text-accent inline-block py-1 text-sm font-bold tracking-wider uppercase hover:underline"
    >
      {section.name}
    </Link>
  );
}
