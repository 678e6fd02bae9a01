import type { Metadata } from "next";
import { Container } from "@/components/layout/Container";
import { TokenForm } from "@/components/newsletter/TokenForm.island";
import { unsubscribeAction } from "@/lib/newsletter/actions";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

export default async function UnsubscribePage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <Container className="max-w-xl py-10">
      <h1 className="font-serif text-4xl font-bold">Unsubscribe from our newsletters</h1>
      {typeof token === "string" && token.length > 0 ? (
        <>
          <p className="text-muted mt-2 mb-6 text-lg">
            Press the button and we’ll stop sending you newsletters.
          </p>
          <TokenForm action={unsubscribeAction} token={token} label="Unsubscribe" />
        </>
      ) : (
        <p className="mt-4">This link is incomplete. Use the unsubscribe link in any of our emails.</p>
      )}
    </Container>
  );
}
