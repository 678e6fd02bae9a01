"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useState } from "react";
import { subscribeAction } from "@/lib/newsletter/actions";
import type { SignupState } from "@/lib/newsletter/service";

type Newsletter = { id: string; name: string; description: string };

/**
 * The newsletter page's heading and form. A real form that posts with JavaScript off; with it,
 * pending, success and errors show inline without a reload. Errors sit by their field and the typed
 * address is kept. Once sent, the heading says so, the chosen newsletters are listed, and the reader
 * can go back to correct the address (the form as sent, or a fresh one with JavaScript off) or on
 * to the news.
 */
export function SignupForm({ newsletters }: { newsletters: readonly Newsletter[] }) {
  const [state, action, pending] = useActionState<SignupState, FormData>(subscribeAction, { status: "idle" });
  // The sent state the reader chose to correct; a new reply from the server ends the correction.
  const [correcting, setCorrecting] = useState<SignupState>();
  const sent = state.status === "success" && correcting !== state;
  const heading = useRef<HTMLHeadingElement>(null);
  const emailField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (sent) heading.current?.focus();
    else if (correcting === state) emailField.current?.focus();
  }, [sent, correcting, state]);

  if (sent) {
    const chosen = newsletters.filter((n) => state.values?.lists.includes(n.id));
    return (
      <>
        <h1 ref={heading} tabIndex={-1} className="font-serif text-4xl font-bold focus:outline-none">
          Check your inbox
        </h1>
        <p role="status" className="mt-4 text-lg">
          {state.message}
        </p>
        <p id="signup-chosen" className="mt-6 font-semibold">
          Your newsletters
        </p>
        <ul aria-labelledby="signup-chosen" className="mt-2 list-disc space-y-1 pl-5">
          {chosen.map((n) => (
            <li key={n.id}>
              <span className="font-semibold">{n.name}</span>
              <span className="text-muted">: {n.description}</span>
            </li>
          ))}
        </ul>
        <ul className="mt-8 flex flex-wrap gap-3">
          <li>
            <Link
              href="/newsletter"
              prefetch={false}
              onClick={(event) => {
                event.preventDefault();
                setCorrecting(state);
              }}
              className="border-ink inline-flex min-h-11 items-center rounded-full border px-5 font-semibold"
            >
              Use a different address
            </Link>
          </li>
          <li>
            <Link
              href="/"
              className="bg-ink text-page inline-flex min-h-11 items-center rounded-full px-5 font-semibold"
            >
              Back to the news
            </Link>
          </li>
        </ul>
      </>
    );
  }

  const chosen = state.values?.lists ?? [newsletters[0]?.id ?? ""];
  const emailError = state.status === "error" ? state.errors?.email : undefined;
  const listsError = state.status === "error" ? state.errors?.lists : undefined;

  return (
    <>
      <h1 className="font-serif text-4xl font-bold">Sign up for our newsletters</h1>
      <p className="text-muted mt-2 mb-8 text-lg">
        Get our pick of top stories and thought-provoking articles in your inbox.
      </p>
      <form action={action} noValidate className="flex flex-col gap-5" aria-describedby="signup-status">
        <div className="flex flex-col gap-1.5">
          <label htmlFor="signup-email" className="font-semibold">
            Email address
          </label>
          <input
            ref={emailField}
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
          We’ll email you a link to confirm. You can unsubscribe at any time from any newsletter; we never
          share your address.
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
    </>
  );
}
