"use server";

/**
 * Server actions behind the newsletter forms. They work as plain form posts with JavaScript off,
 * and inline (pending, success, error) with useActionState when it runs.
 */
import { headers } from "next/headers";
import { env } from "@/lib/config/env";
import { subscribe, type SignupState } from "./service";
import { subscriptionStore } from "./api";
import type { SubscriptionStore } from "./store";
import { clientIp, ipBucket } from "@/lib/runtime/client-ip";

function field(form: FormData, name: string, max: number): string {
  const value = form.get(name);
  return typeof value === "string" ? value.slice(0, max) : "";
}

export async function subscribeAction(_previous: SignupState, form: FormData): Promise<SignupState> {
  const lists = form
    .getAll("lists")
    .filter((v): v is string => typeof v === "string")
    .slice(0, 20);
  return subscribe(
    { email: field(form, "email", 1000), lists, honeypot: field(form, "website", 1000) },
    ipBucket(clientIp(await headers(), env)),
  );
}

export type TokenState = { status: "idle" | "done" | "invalid" | "error"; message?: string };

async function withStore(run: (store: SubscriptionStore) => Promise<TokenState>): Promise<TokenState> {
  try {
    return await run(await subscriptionStore());
  } catch (error) {
    console.error("newsletter: storage failed:", error instanceof Error ? error.message : error);
    return { status: "error", message: "This is unavailable right now. Please try again later." };
  }
}

export async function confirmAction(_previous: TokenState, form: FormData): Promise<TokenState> {
  const token = field(form, "token", 200);
  return withStore(async (store) =>
    (await store.confirm(token, new Date())) === "confirmed"
      ? { status: "done", message: "You’re subscribed. Thank you! Your first newsletter is on its way soon." }
      : {
          status: "invalid",
          message: "This confirmation link has expired or was already used. Sign up again to get a new one.",
        },
  );
}

export async function unsubscribeAction(_previous: TokenState, form: FormData): Promise<TokenState> {
  const token = field(form, "token", 200);
  return withStore(async (store) =>
    (await store.unsubscribe(token, new Date())) === "unsubscribed"
      ? { status: "done", message: "You’re unsubscribed. You won’t get any more newsletters from us." }
      : {
          status: "invalid",
          message: "This unsubscribe link isn’t valid. Use the link in your most recent email.",
        },
  );
}
