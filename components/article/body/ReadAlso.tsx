import Link from "next/link";
import type { Article } from "@/lib/content/article";
import { Img } from "@/components/ui/Img";

/** "Read also": a small card for another story, with its headline and photo. */
export function ReadAlso({ article }: { article: Article }) {
  return (
    <aside className="body-readalso" aria-label="Read also">
      <Img
        src={article.hero.url}
        alt=""
        width={article.hero.width}
        height={article.hero.height}
        sizes="160px"
        className="bg-panel aspect-[4/3] w-28 shrink-0 object-cover"
      />
      <div>
        <p className="text-accent font-sans text-xs font-bold tracking-wider uppercase">Read also</p>
        <Link
          href={article.path}
          prefetch={false}
          className="mt-1 block font-serif text-lg leading-snug font-bold"
        >
          {article.title}
        </Link>
      </div>
    </aside>
  );
}
