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

/** App Store and Google Play badges, drawn here as text and brand glyphs (simple-icons). */
export function StoreBadges() {
  return (
    <ul className="flex flex-wrap gap-2">
      <li>
        <a href={siteConfig.links.appStore} target="_blank" rel="noopener noreferrer" className={BADGE}>
          <Glyph path={siApple.path} />
          <span className="flex flex-col leading-none">
            <span className="text-[0.625rem]">Download on the</span>
            <span className="text-base font-semibold">App Store</span>
          </span>
        </a>
      </li>
      <li>
        <a href={siteConfig.links.googlePlay} target="_blank" rel="noopener noreferrer" className={BADGE}>
          <Glyph path={siGoogleplay.path} />
          <span className="flex flex-col leading-none">
            <span className="text-[0.625rem] uppercase">Get it on</span>
            <span className="text-base font-semibold">Google Play</span>
          </span>
        </a>
      </li>
    </ul>
  );
}
