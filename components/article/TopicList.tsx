import Link from "next/link";
import type { Topic } from "@/lib/content/article";
import { topicPath } from "@/lib/config/paths";

export function TopicList({ topics }: { topics: Topic[] }) {
  if (topics.length === 0) return null;
  return (
    <nav aria-labelledby="topics-heading" className="border-rule mt-8 border-t pt-4">
      <h2 id="topics-heading" className="text-muted text-xs font-bold tracking-wider uppercase">
        Topics
      </h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {topics.map((t) => (
          <li key={t.slug}>
            <Link
              href={topicPath(t.slug)}
              className="border-rule hover:border-ink inline-block rounded-full border px-3 py-1.5 text-sm"
            >
              {t.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
