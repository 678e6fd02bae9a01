"use client";

import { useActionState } from "react";
import { subscribeAction } from "@/lib/newsletter/actions";
import type { SignupState } from "@/lib/newsletter/service";

type Newsletter = { id: string; name: string; description: string };

/**
 * The newsletter form. A real form that posts with JavaScript off; with it, pending, success and
 * errors show inline without a reload. Errors sit by their field and the typed address is kept.
 */
export function SignupForm({ newsletters }: { newsletters: readonly Newsletter[] }) {
  const [state, action, pending] = useActionState<SignupState, FormData>(subscribeAction, { status: "idle" });
  const chosen = state.values?.lists ?? [newsletters[0]?.id ?? ""];
  const emailError = state.errors?.email;
  const listsError = state.errors?.lists;

  if (state.status === "success") {
    return (
      <div role="status" className="border-rule bg-panel rounded-lg border p-5">
        <h2 className="font-serif text-xl font-bold">Check your inbox</h2>
        <p className="mt-2">{state.message}</p>
      </div>
    );
  }

  return (
    <form action={action} noValidate className="flex flex-col gap-5" aria-describedby="signup-status">
      <div className="flex flex-col gap-1.5">
        <label htmlFor="signup-email" className="font-semibold">
          Email address
        </label>
        <input
          id="signup-email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          maxLength={254}
          defaultValue={state.values?.email}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? "signup-email-error" : undefined}
          className="border-muted bg-page min-h-11 rounded border px-3 text-base"
        />
        {emailError ? (
          <p id="signup-email-error" className="text-accent text-sm font-semibold">
            {emailError}
          </p>
        ) : null}
      </div>

      <fieldset
        aria-describedby={listsError ? "signup-lists-error" : undefined}
        className="flex flex-col gap-2"
      >
        <legend className="mb-1 font-semibold">Newsletters</legend>
        {newsletters.map((n) => (
          <label key={n.id} className="flex items-start gap-3">
            <input
              type="checkbox"
              name="lists"
              value={n.id}
              defaultChecked={chosen.includes(n.id)}
              className="accent-ink mt-1 size-5"
            />
            <span>
              <span className="font-semibold">{n.name}</span>
              <span className="text-muted block text-sm">{n.description}</span>
            </span>
          </label>
        ))}
        {listsError ? (
          <p id="signup-lists-error" className="text-accent text-sm font-semibold">
            {listsError}
          </p>
        ) : null}
      </fieldset>

      {/* A field people never see or fill; bots that fill every field are turned away. */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor="signup-website">Website (leave empty)</label>
        <input id="signup-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>

      <p className="text-muted text-sm">
        We’ll email you a link to confirm. You can unsubscribe at any time from any newsletter; we never share
        your address.
      </p>

      <div>
        <button
          type="submit"
          disabled={pending}
          className="bg-ink text-page min-h-11 rounded-full px-6 font-semibold disabled:opacity-60"
        >
          {pending ? "Subscribing…" : "Subscribe"}
        </button>
      </div>
      <p id="signup-status" role="alert" className="text-accent font-semibold empty:hidden">
        {state.status === "error" && state.message ? state.message : ""}
      </p>
    </form>
  );
}
