import type { PhotoBlock } from "@/lib/content/blocks";
import { Img } from "@/components/ui/Img";

/** The caption and credit under a body photo, as under the hero. */
export function PhotoCaption({ photo }: { photo: PhotoBlock }) {
  if (!photo.caption && !photo.credit) return null;
  return (
    <figcaption className="text-muted mt-2 font-sans text-sm leading-snug">
      {photo.caption}
      {photo.caption && photo.credit ? " " : null}
      {photo.credit ? <span className="whitespace-nowrap">(Photo: {photo.credit})</span> : null}
    </figcaption>
  );
}

/**
 * A photo in the body: the hero's responsive image, lazy (it is below the fold), with the file's own
 * width and height so the text around it never moves.
 */
export function PhotoFigure({ photo }: { photo: PhotoBlock }) {
  return (
    <figure className="body-photo">
      <Img
        src={photo.url}
        alt={photo.alt}
        width={photo.width}
        height={photo.height}
        sizes="(min-width: 42rem) 42rem, 100vw"
        className="bg-panel h-auto w-full"
      />
      <PhotoCaption photo={photo} />
    </figure>
  );
}
