import { siApple, siGoogleplay } from "simple-icons";
import { siteConfig } from "@/lib/config/site";

const BADGE =
  "inline-flex min-h-12 items-center gap-2.5 rounded-lg bg-black px-3.5 py-1.5 text-white ring-1 ring-white/30 hover:bg-neutral-800";

function Glyph({ path }: { path: string }) {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false" fill="currentColor">
      <path d={path} />
    </svg>
  );
}

const STORES = [
  { href: siteConfig.links.appStore, glyph: siApple.path, lead: "Download on the", name: "App Store" },
  { href: siteConfig.links.googlePlay, glyph: siGoogleplay.path, lead: "Get it on", name: "Google Play" },
];

/** App Store and Google Play badges, drawn here as text and brand glyphs (simple-icons). */
export function StoreBadges() {
  return (
    <ul className="flex flex-wrap gap-2">
      {STORES.map((store) => (
        <li key={store.name}>
          <a href={store.href} target="_blank" rel="noopener noreferrer" className={BADGE}>
            <Glyph path={store.glyph} />
            <span className="flex flex-col leading-none">
              <span className="text-[0.625rem]">{store.lead}</span>
              <span className="text-base font-semibold">{store.name}</span>
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
