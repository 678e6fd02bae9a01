import type { Embed } from "@/lib/content/embeds";
import { EmbedPlayer } from "./EmbedPlayer.island";

/**
 * An embed as a click-to-load facade: a plain card with the provider and a link to the original,
 * the same with JavaScript off. Nothing is fetched from the provider until the reader presses Play
 * (the island then puts the player's iframe in the card's place, allowed by the CSP's frame-src).
 */
export function EmbedCard({ embed }: { embed: Embed }) {
  const label = `${embed.kind} on ${embed.provider}`;
  return (
    <figure
      className="body-embed"
      style={{ aspectRatio: String(embed.ratio), maxWidth: embed.ratio < 1 ? "20rem" : undefined }}
    >
      <div className="body-embed-card">
        <p className="font-sans text-sm font-bold tracking-wider uppercase">{embed.provider}</p>
        <p className="font-serif text-lg">{label}</p>
        <a href={embed.url} rel="noopener noreferrer" className="font-sans text-sm break-all underline">
          Open on {embed.provider}
        </a>
      </div>
      <EmbedPlayer player={embed.player} title={label} provider={embed.provider} />
    </figure>
  );
}
