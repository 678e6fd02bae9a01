/**
 * Settings that work for trying the site on one machine but are wrong for readers. The server prints
 * these at start-up, where an operator cannot miss them; the Quick start keeps working without them.
 */
export function deploymentWarnings(settings: { siteUrl: string; smtpUrl?: string }): string[] {
  const warnings: string[] = [];
  if (!settings.smtpUrl) {
    warnings.push(
      "SMTP_URL is not set: newsletter emails are NOT sent. Each one is written to the outbox folder " +
        "(DATA_DIR/outbox), while readers are told to check their inbox. Set SMTP_URL to send mail.",
    );
  }
  const host = new URL(settings.siteUrl).hostname;
  if (host === "localhost" || host.endsWith(".localhost") || host.startsWith("127.") || host === "[::1]") {
    warnings.push(
      `SITE_URL is ${settings.siteUrl}: canonical links, feeds, sitemaps, link previews and email links ` +
        "all point at this machine. Build and serve with SITE_URL set to the public address.",
    );
  }
  return warnings;
}

/** The warnings as one block for the log. */
export function formatWarnings(warnings: string[]): string {
  if (warnings.length === 0) return "";
  const lines = warnings.map((w) => `! ${w}`);
  return ["", "!!! Not ready for readers (docs/DEPLOY.md, 'What production must set'):", ...lines, ""].join(
    "\n",
  );
}
