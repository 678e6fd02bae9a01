import { draftMode } from "next/headers";
import { localPath } from "@/lib/server/local-path";

export const dynamic = "force-dynamic";

/** Turns preview off and returns to the page (a story that is not public yet then answers 404). */
export async function GET(request: Request) {
  (await draftMode()).disable();
  return new Response(null, {
    status: 307,
    headers: {
      "Cache-Control": "private, no-store",
      Location: localPath(new URL(request.url).searchParams.get("path")),
    },
  });
}
