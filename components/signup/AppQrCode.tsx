/**
 * The QR code of the app link (app/app-qr.svg, drawn at build time). Shown from the desktop
 * breakpoint only: on phones the box is hidden and the lazy image is never fetched.
 */
export function AppQrCode({ label }: { label: string }) {
  return (
    <figure className="hidden shrink-0 lg:block">
      {/* eslint-disable-next-line @next/next/no-img-element -- a fixed-size SVG: nothing for the image optimiser to do */}
      <img
        src="/app-qr.svg"
        alt={label}
        width={112}
        height={112}
        loading="lazy"
        decoding="async"
        className="size-28 rounded bg-white p-1"
      />
      <figcaption className="text-muted mt-1 text-center text-xs">Scan to get the app</figcaption>
    </figure>
  );
}
