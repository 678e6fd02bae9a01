import { getImageProps, type ImageProps } from "next/image";

type Props = Omit<ImageProps, "priority" | "src" | "alt"> & { src: string; alt: string; preload?: boolean };

/**
 * An optimised responsive image with no client JavaScript: Next.js's image props (srcset through
 * /_next/image, sizes, dimensions, lazy loading) on a plain server-rendered <img>. The next/image
 * component would hydrate a client component on every page for the same markup.
 *
 * With `preload`, the image is the page's likely largest paint: fetched eagerly at high priority,
 * found by the browser's preload scanner in the HTML. It is wrapped in a box-less <picture> on
 * purpose. React's server renderer turns every eager <img> (and `preload()` call) into a preload
 * hint in the page's RSC payload, and the router acts on hints when it merely prefetches a link:
 * every story a reader could tap had its hero photo downloaded, 768 px wide on a phone, for
 * stories never opened. React makes no hint for an image inside <picture>.
 */
export function Img({ preload = false, alt, ...rest }: Props) {
  const { props } = getImageProps({ ...rest, alt, preload });
  // eslint-disable-next-line @next/next/no-img-element -- this is next/image's own markup, rendered on the server
  const img = <img {...props} alt={alt} fetchPriority={preload ? "high" : props.fetchPriority} />;
  return preload ? <picture className="contents">{img}</picture> : img;
}
