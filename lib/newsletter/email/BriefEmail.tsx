/**
 * The brief as an email, built with React Email's components (tables and inline styles that render in
 * Gmail, Outlook and Apple Mail). One render per issue: each recipient's unsubscribe link replaces
 * UNSUBSCRIBE_PLACEHOLDER in the result.
 */
import {
  Body,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Img,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import { siteConfig } from "@/lib/config/site";
import type { Brief } from "@/lib/newsletter/brief";
import { UNSUBSCRIBE_PLACEHOLDER } from "@/lib/newsletter/brief";

const ink = "#1a1a1a";
const muted = "#575757";
const accent = "#b3261e";
/** The small capitals over the issue and over each story. */
const label: React.CSSProperties = {
  color: accent,
  fontFamily: "Arial, sans-serif",
  fontWeight: 700,
  letterSpacing: "1px",
  textTransform: "uppercase",
};

export function BriefEmail({ brief }: { brief: Brief }) {
  return (
    <Html lang={siteConfig.locale}>
      <Head />
      <Preview>{brief.preview}</Preview>
      <Body
        style={{
          backgroundColor: "#f4f4f2",
          color: ink,
          fontFamily: "Georgia, 'Times New Roman', serif",
          margin: 0,
        }}
      >
        <Container style={{ backgroundColor: "#ffffff", maxWidth: "600px", padding: "24px" }}>
          <Text style={{ ...label, fontSize: "13px", margin: 0 }}>
            {brief.siteName} · {brief.listName}
          </Text>
          <Heading as="h1" style={{ fontSize: "28px", lineHeight: "1.2", margin: "8px 0 4px" }}>
            {brief.heading}
          </Heading>
          <Text
            style={{ color: muted, fontFamily: "Arial, sans-serif", fontSize: "14px", margin: "0 0 8px" }}
          >
            {brief.dateLine} ·{" "}
            <Link href={brief.webUrl} style={{ color: muted }}>
              View in your browser
            </Link>
          </Text>
          {brief.withdrawn ? (
            <Text
              style={{ color: muted, fontFamily: "Arial, sans-serif", fontSize: "14px", margin: "0 0 8px" }}
            >
              {brief.withdrawn === 1
                ? "1 story in this issue is"
                : `${brief.withdrawn} stories in this issue are`}{" "}
              no longer available.
            </Text>
          ) : null}
          {brief.stories.map((story) => (
            <Section
              key={story.url}
              style={{ borderTop: `1px solid #d9d9d6`, paddingTop: "16px", marginTop: "16px" }}
            >
              <Img
                src={story.imageUrl}
                alt={story.imageAlt}
                width="552"
                style={{ width: "100%", maxWidth: "552px", height: "auto", borderRadius: "4px" }}
              />
              <Text style={{ ...label, fontSize: "12px", margin: "12px 0 0" }}>{story.section}</Text>
              <Heading as="h2" style={{ fontSize: "22px", lineHeight: "1.25", margin: "4px 0 8px" }}>
                <Link href={story.url} style={{ color: ink, textDecoration: "none" }}>
                  {story.title}
                </Link>
              </Heading>
              {story.points ? (
                <ul style={{ fontSize: "16px", lineHeight: "1.5", margin: "0 0 8px", paddingLeft: "20px" }}>
                  {story.points.map((p) => (
                    <li key={p} style={{ marginBottom: "6px" }}>
                      {p}
                    </li>
                  ))}
                </ul>
              ) : (
                <Text style={{ fontSize: "16px", lineHeight: "1.5", margin: "0 0 8px" }}>
                  {story.standfirst}
                </Text>
              )}
              <Text style={{ fontFamily: "Arial, sans-serif", fontSize: "15px", margin: 0 }}>
                <Link href={story.url} style={{ color: accent, fontWeight: 700 }}>
                  Read the full story
                </Link>
                {story.fastUrl ? (
                  <>
                    {"  ·  "}
                    <Link href={story.fastUrl} style={{ color: accent, fontWeight: 700 }}>
                      Read on FAST
                    </Link>
                  </>
                ) : null}
              </Text>
            </Section>
          ))}
          <Hr style={{ borderColor: "#d9d9d6", margin: "24px 0 12px" }} />
          <Text
            style={{
              color: muted,
              fontFamily: "Arial, sans-serif",
              fontSize: "13px",
              lineHeight: "1.5",
              margin: 0,
            }}
          >
            You are receiving the {brief.listName} because you subscribed at{" "}
            <Link href={brief.siteUrl} style={{ color: muted }}>
              {brief.siteHost}
            </Link>
            .{" "}
            <Link href={UNSUBSCRIBE_PLACEHOLDER} style={{ color: muted }}>
              Unsubscribe
            </Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
