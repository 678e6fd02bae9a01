import { getImageProps, type ImageProps } from "next/image";
import { preload as preloadResource } from "react-dom";

type Props = Omit<ImageProps, "priority" | "src" | "alt"> & { src: string; alt: string; preload?: boolean };

/**
 * An optimised responsive image with no client JavaScript: Next.js's image props (srcset through
 * /_next/image, sizes, dimensions, lazy loading) on a plain server-rendered <img>. The next/image
 * component would hydrate a client component on every page for the same markup.
 * With `preload`, the image is fetched early at high priority (the likely largest paint).
 */
export function Img({ preload = false, alt, ...rest }: Props) {
  const { props } = getImageProps({ ...rest, alt, preload });
  if (preload) {
    preloadResource(props.src, {
      as: "image",
      imageSrcSet: props.srcSet,
      imageSizes: props.sizes,
      fetchPriority: "high",
    });
  }
  // eslint-disable-next-line @next/next/no-img-element -- this is next/image's own markup, rendered on the server
  return <img {...props} alt={alt} fetchPriority={preload ? "high" : props.fetchPriority} />;
}
