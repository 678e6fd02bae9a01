import QRCode from "qrcode";

/** A QR code of a link, drawn on the server as SVG (no client code, no image request). */
export async function AppQrCode({ url, label }: { url: string; label: string }) {
  const svg = await QRCode.toString(url, {
    type: "svg",
    margin: 1,
    errorCorrectionLevel: "M",
    color: { dark: "#000000", light: "#ffffff" },
  });
  return (
    <figure className="hidden shrink-0 lg:block">
      <div
        role="img"
        aria-label={label}
        className="size-28 rounded bg-white p-1"
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <figcaption className="text-muted mt-1 text-center text-xs">Scan to get the app</figcaption>
    </figure>
  );
}
