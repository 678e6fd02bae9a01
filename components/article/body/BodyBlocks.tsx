import type { Article } from "@/lib/content/article";
import type { BodyBlock } from "@/lib/content/blocks";
import { EmbedCard } from "./EmbedCard";
import { FactBox } from "./FactBox";
import { FlowHtml } from "./FlowHtml";
import { Gallery } from "./Gallery";
import { PhotoFigure } from "./PhotoFigure";
import { PullQuote } from "./PullQuote";
import { ReadAlso } from "./ReadAlso";
import { TableBlock } from "./TableBlock";

function assertUnreachable(block: never): never {
  throw new Error(`unknown body block: ${JSON.stringify(block)}`);
}

/** One body block, by its type: every block type has its own component, and a new one fails to compile here. */
function BodyBlockView({ block, stories }: { block: BodyBlock; stories: ReadonlyMap<string, Article> }) {
  switch (block._type) {
    case "flow":
      return <FlowHtml html={block.html} />;
    case "photo":
      return <PhotoFigure photo={block} />;
    case "gallery":
      return <Gallery photos={block.photos} />;
    case "table":
      return <TableBlock html={block.html} />;
    case "pullquote":
      return <PullQuote html={block.html} cite={block.cite} />;
    case "factbox":
      return <FactBox title={block.title} html={block.html} />;
    case "embed":
      return <EmbedCard embed={block} />;
    case "related": {
      const story = stories.get(block.slug);
      // A story that is not public (or is in another section) goes away quietly.
      return story?.section.slug === block.section ? <ReadAlso article={story} /> : null;
    }
    default:
      return assertUnreachable(block);
  }
}

/** The body's blocks in order; `stories` holds the public stories its "Read also" cards name. */
export function BodyBlocks({
  blocks,
  stories,
}: {
  blocks: BodyBlock[];
  stories: ReadonlyMap<string, Article>;
}) {
  return (
    <div className="article-body">
      {blocks.map((block, i) => (
        <BodyBlockView key={i} block={block} stories={stories} />
      ))}
    </div>
  );
}
