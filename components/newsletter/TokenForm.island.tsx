"use client";

import { useActionState } from "react";
import type { TokenState } from "@/lib/newsletter/actions";

/** One button that confirms or unsubscribes: a POST, so link scanners that fetch URLs change nothing. */
export function TokenForm({
  action,
  token,
  label,
}: {
  action: (previous: TokenState, form: FormData) => Promise<TokenState>;
  token: string;
  label: string;
}) {
  const [state, formAction, pending] = useActionState<TokenState, FormData>(action, { status: "idle" });
  if (state.status === "done") {
    return (
      <p role="status" className="border-rule bg-panel rounded-lg border p-5 text-lg">
        {state.message}
      </p>
    );
  }
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      <div>
        <button
          type="submit"
          disabled={pending}
          className="bg-ink text-page min-h-11 rounded-full px-6 font-semibold disabled:opacity-60"
        >
          {pending ? "One moment…" : label}
        </button>
      </div>
      <p role="alert" className="text-accent font-semibold empty:hidden">
        {state.message ?? ""}
      </p>
    </form>
  );
}
