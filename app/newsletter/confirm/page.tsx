import type { Metadata } from "next";
import Link from "next/link";
import { Container } from "@/components/layout/Container";
import { TokenForm } from "@/components/newsletter/TokenForm.island";
import { confirmAction } from "@/lib/newsletter/actions";

export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

export default async function ConfirmPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <Container className="max-w-xl py-10">
      <h1 className="font-serif text-4xl font-bold">Confirm your subscription</h1>
      {typeof token === "string" && token.length > 0 ? (
        <>
          <p className="text-muted mt-2 mb-6 text-lg">
            One more step: press the button to start your newsletters.
          </p>
          <TokenForm action={confirmAction} token={token} label="Confirm my subscription" />
        </>
      ) : (
        <p className="mt-4">
          This link is incomplete. Open the link in your confirmation email, or{" "}
          <Link href="/newsletter" className="underline">
            sign up again
          </Link>
          .
        </p>
      )}
    </Container>
  );
}
