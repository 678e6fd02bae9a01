import { absoluteUrl, siteConfig } from "@/lib/config/site";
import { escapeXml } from "@/lib/feeds/xml";

/** OpenSearch description: lets a browser add the site's search (linked from the root layout). */
export const dynamic = "force-static";

export function GET() {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>${escapeXml(siteConfig.name)}</ShortName>
  <Description>${escapeXml(`Search ${siteConfig.name}: ${siteConfig.tagline}`)}</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Language>${escapeXml(siteConfig.locale)}</Language>
  <Image width="512" height="512" type="image/png">${escapeXml(absoluteUrl("/logo.png"))}</Image>
  <Url type="text/html" method="get" template="${escapeXml(absoluteUrl("/search"))}?q={searchTerms}"/>
  <Url type="application/opensearchdescription+xml" rel="self" template="${escapeXml(absoluteUrl("/opensearch.xml"))}"/>
</OpenSearchDescription>
`;
  return new Response(xml, {
    headers: {
      "Content-Type": "application/opensearchdescription+xml; charset=utf-8",
      "Cache-Control": "public, max-age=86400",
    },
  });
}
