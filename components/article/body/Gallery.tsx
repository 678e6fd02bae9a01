import type { PhotoBlock } from "@/lib/content/blocks";
import { Img } from "@/components/ui/Img";
import { PhotoCaption } from "./PhotoFigure";

/**
 * Several photos as one row that scrolls (and snaps) sideways, a swipe on a phone. No JavaScript:
 * each photo is focusable, so Tab walks the row and the browser scrolls each one into view.
 */
export function Gallery({ photos }: { photos: PhotoBlock[] }) {
  return (
    <ul className="body-gallery" aria-label={`Gallery, ${photos.length} photos`}>
      {photos.map((photo, i) => (
        <li key={i}>
          <figure tabIndex={0} aria-label={`Photo ${i + 1} of ${photos.length}`}>
            <Img
              src={photo.url}
              alt={photo.alt}
              width={photo.width}
              height={photo.height}
              sizes="(min-width: 42rem) 34rem, 85vw"
              className="bg-panel h-auto w-full"
            />
            <PhotoCaption photo={photo} />
          </figure>
        </li>
      ))}
    </ul>
  );
}
