import { siFacebook, siTelegram, siWhatsapp, siX } from "simple-icons";
import type { ShareNetwork } from "@/lib/share/links";

/**
 * Brand glyphs from simple-icons; LinkedIn (not in simple-icons), email, link, share and listen (a
 * FAST card's narration) drawn here.
 */
const PATHS: Record<ShareNetwork | "link" | "share" | "listen", string> = {
  whatsapp: siWhatsapp.path,
  telegram: siTelegram.path,
  x: siX.path,
  facebook: siFacebook.path,
  linkedin:
    "M4.98 3.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5ZM3 9.75h4v11.5H3V9.75Zm6.5 0h3.8v1.6h.06c.53-1 1.83-2.05 3.77-2.05 4.03 0 4.77 2.65 4.77 6.1v5.85h-4v-5.2c0-1.24-.02-2.83-1.73-2.83-1.73 0-2 1.35-2 2.74v5.29h-4V9.75Z",
  email:
    "M2 5.5A1.5 1.5 0 0 1 3.5 4h17A1.5 1.5 0 0 1 22 5.5v13a1.5 1.5 0 0 1-1.5 1.5h-17A1.5 1.5 0 0 1 2 18.5v-13Zm2.2.5L12 11.6 19.8 6H4.2ZM20 8.1l-7.42 5.32a1 1 0 0 1-1.16 0L4 8.1V18h16V8.1Z",
  link: "M10.6 13.4a1 1 0 0 1 0-1.4l3.4-3.4a1 1 0 1 1 1.4 1.4L12 13.4a1 1 0 0 1-1.4 0ZM7.05 19.78a4.5 4.5 0 0 1-3.18-7.68l2.83-2.83a1 1 0 0 1 1.41 1.41l-2.83 2.83a2.5 2.5 0 1 0 3.54 3.54l2.83-2.83a1 1 0 1 1 1.41 1.41L10.23 18.5a4.47 4.47 0 0 1-3.18 1.28Zm9.55-5.62a1 1 0 0 1-.7-1.71l2.82-2.83a2.5 2.5 0 1 0-3.53-3.53l-2.83 2.82a1 1 0 0 1-1.41-1.41l2.83-2.83a4.5 4.5 0 1 1 6.36 6.37l-2.83 2.82a1 1 0 0 1-.7.3Z",
  listen:
    "M3 9.5A1.5 1.5 0 0 1 4.5 8H7l4.4-3.7A1 1 0 0 1 13 5v14a1 1 0 0 1-1.6.77L7 16H4.5A1.5 1.5 0 0 1 3 14.5v-5Zm13.54-2.05a1 1 0 0 1 1.41.02 6.5 6.5 0 0 1 0 9.06 1 1 0 1 1-1.43-1.4 4.5 4.5 0 0 0 0-6.26 1 1 0 0 1 .02-1.42Z",
  share:
    "M12 2.6a1 1 0 0 1 .7.3l4 4a1 1 0 1 1-1.4 1.4L13 6v9a1 1 0 1 1-2 0V6L8.7 8.3a1 1 0 0 1-1.4-1.4l4-4a1 1 0 0 1 .7-.3ZM5 11a1 1 0 0 1 1 1v7h12v-7a1 1 0 1 1 2 0v7a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2v-7a1 1 0 0 1 1-1Z",
};

export function ShareIcon({ name, size = 20 }: { name: keyof typeof PATHS; size?: number }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
      fill="currentColor"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
