/** The newsletter emails: plain text and HTML, with one-click unsubscribe headers (RFC 8058). */
import { absoluteUrl, siteConfig } from "@/lib/config/site";
import { escapeXml as escapeHtml } from "@/lib/feeds/xml";
import type { Mail } from "./mailer";

function newsletterLinks(tokens: { confirm?: string; unsubscribe: string }) {
  return {
    confirm: tokens.confirm ? absoluteUrl(`/newsletter/confirm?token=${tokens.confirm}`) : undefined,
    unsubscribe: absoluteUrl(`/newsletter/unsubscribe?token=${tokens.unsubscribe}`),
    oneClick: absoluteUrl(`/newsletter/one-click?token=${tokens.unsubscribe}`),
  };
}

function listNames(ids: string[]): string {
  return siteConfig.newsletters
    .filter((n) => ids.includes(n.id))
    .map((n) => n.name)
    .join(", ");
}

function unsubscribeHeaders(oneClick: string): Record<string, string> {
  return { "List-Unsubscribe": `<${oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

function html(paragraphs: string[], action?: { href: string; label: string }, footer?: string): string {
  const p = paragraphs.map((t) => `<p>${escapeHtml(t)}</p>`).join("");
  const a = action
    ? `<p><a href="${escapeHtml(action.href)}" style="display:inline-block;padding:12px 20px;background:#1a1a1a;color:#fff;border-radius:999px;text-decoration:none;font-weight:600">${escapeHtml(action.label)}</a></p>`
    : "";
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a">${p}${a}${footer ?? ""}</body></html>`;
}

export function confirmationEmail(
  to: string,
  lists: string[],
  tokens: { confirm: string; unsubscribe: string },
): Mail {
  const links = newsletterLinks(tokens);
  const confirm = links.confirm ?? "";
  const text = [
    `Please confirm your subscription to ${siteConfig.name}: ${listNames(lists)}.`,
    `Confirm here: ${confirm}`,
    "This link works for 48 hours. If you did not ask for this, ignore this email and nothing will be sent.",
    `Unsubscribe: ${links.unsubscribe}`,
  ].join("\n\n");
  const footer = `<p style="font-size:13px;color:#575757"><a href="${escapeHtml(links.unsubscribe)}">Unsubscribe</a></p>`;
  return {
    to,
    subject: `Confirm your ${siteConfig.name} newsletter subscription`,
    text,
    html: html(
      [
        `Please confirm your subscription to ${siteConfig.name}: ${listNames(lists)}.`,
        "This link works for 48 hours. If you did not ask for this, ignore this email and nothing will be sent.",
      ],
      { href: confirm, label: "Confirm my subscription" },
      footer,
    ),
    headers: unsubscribeHeaders(links.oneClick),
  };
}

export function alreadySubscribedEmail(to: string, tokens: { unsubscribe: string }): Mail {
  const links = newsletterLinks(tokens);
  const text = [
    `Someone (probably you) asked to subscribe this address to ${siteConfig.name} newsletters. It is already subscribed, so nothing has changed.`,
    `Unsubscribe: ${links.unsubscribe}`,
  ].join("\n\n");
  return {
    to,
    subject: `You are already subscribed to ${siteConfig.name}`,
    text,
    html: html(
      [
        `Someone (probably you) asked to subscribe this address to ${siteConfig.name} newsletters. It is already subscribed, so nothing has changed.`,
      ],
      { href: links.unsubscribe, label: "Unsubscribe" },
    ),
    headers: unsubscribeHeaders(links.oneClick),
  };
}
