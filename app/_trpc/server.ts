import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { createCaller } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";
import { currentSessionRef } from "@/server/auth/config";
import { currentActor } from "@/server/auth/current-actor";

// The tRPC caller for server components: same procedures, same checks, no HTTP hop. Next
// renders a page alongside its layout, so the page must not assume the layout's session check
// ran first: without a valid session it redirects to the login page itself.
export async function serverCaller() {
  const [actor, session, requestHeaders] = await Promise.all([
    currentActor(),
    currentSessionRef(),
    headers(),
  ]);
  if (!actor) redirect("/login");
  // Every procedure but viewer.me refuses until the initial password is replaced.
  if (actor.mustChangePassword) redirect("/account/password");
  return createCaller(
    createTRPCContext({ session, requestId: requestHeaders.get("x-request-id") ?? undefined }),
  );
}
