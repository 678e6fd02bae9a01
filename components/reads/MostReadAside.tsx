import Link from "next/link";
import { MostRead } from "./MostRead.island";

/** Most read under a story: filled in by the island; a link to /most-read without JavaScript. */
export function MostReadAside() {
  return (
    <aside aria-labelledby="most-read-heading" className="most-read-slot mt-8">
      <h2 id="most-read-heading" className="border-ink border-b-2 pb-1 font-serif text-xl font-bold">
        Most read
      </h2>
      <MostRead>
        <p className="py-3">
          <Link href="/most-read" className="underline underline-offset-2 hover:no-underline">
            See the stories readers are reading most
          </Link>
        </p>
      </MostRead>
    </aside>
  );
}
