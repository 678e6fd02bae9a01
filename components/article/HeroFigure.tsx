import type { HeroImage } from "@/lib/content/article";
import { Img } from "@/components/ui/Img";

/**
 * The hero photo with its caption and credit; width and height from the file, so no layout shift.
 * `unoptimized` serves /media/… itself: preview's photos are not public yet, and the image optimiser
 * fetches them without the editor's preview cookie, so only the browser itself can get them.
 */
export function HeroFigure({
  hero,
  preload = false,
  unoptimized = false,
}: {
  hero: HeroImage;
  preload?: boolean;
  unoptimized?: boolean;
}) {
  return (
    <figure>
      <Img
        src={hero.url}
        alt={hero.alt}
        width={hero.width}
        height={hero.height}
        sizes="(min-width: 56rem) 52rem, 100vw"
        preload={preload}
        unoptimized={unoptimized}
        className="bg-panel h-auto w-full"
      />
      <figcaption className="text-muted mt-2 px-4 text-xs leading-tight sm:px-0 sm:text-sm sm:leading-snug">
        {hero.caption} <span className="whitespace-nowrap">(Photo: {hero.credit})</span>
      </figcaption>
    </figure>
  );
}
