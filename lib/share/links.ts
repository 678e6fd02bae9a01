/**
 * Share links for each network, built with proper URL encoding. They are plain links, so they work
 * with JavaScript off. Callers pass the canonical URL: never one carrying FAST or view state.
 */
export type ShareTarget = { url: string; title: string };

export type ShareNetwork = "whatsapp" | "telegram" | "x" | "facebook" | "linkedin" | "email";

export type ShareLink = { network: ShareNetwork; label: string; href: string; external: boolean };

function query(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join("&");
}

export function shareLinks({ url, title }: ShareTarget): ShareLink[] {
  const links: Omit<ShareLink, "external">[] = [
    { network: "whatsapp", label: "WhatsApp", href: `https://wa.me/?${query({ text: `${title} ${url}` })}` },
    { network: "telegram", label: "Telegram", href: `https://t.me/share/url?${query({ url, text: title })}` },
    { network: "x", label: "X", href: `https://twitter.com/intent/tweet?${query({ url, text: title })}` },
    {
      network: "facebook",
      label: "Facebook",
      href: `https://www.facebook.com/sharer/sharer.php?${query({ u: url })}`,
    },
    {
      network: "linkedin",
      label: "LinkedIn",
      href: `https://www.linkedin.com/sharing/share-offsite/?${query({ url })}`,
    },
    {
      network: "email",
      label: "Email",
      href: `mailto:?${query({ subject: title, body: `${title}\n\n${url}` })}`,
    },
  ];
  return links.map((l) => ({ ...l, external: l.network !== "email" }));
}
