import { getDb } from "../db";
import { recordAudit } from "../domain/audit";
import { endSession } from "../domain/sessions";
import { currentSessionRef, signOut } from "./config";
import { currentActor } from "./current-actor";

// Ends the server-side session before the cookie is cleared, so a copy of the cookie (another
// tab, a saved request) is refused from now on rather than until it expires.
export async function signOutCurrentUser(): Promise<void> {
  const [actor, ref] = await Promise.all([currentActor(), currentSessionRef()]);
  if (actor && ref) {
    await getDb().transaction(async (tx) => {
      await endSession(tx, ref.sessionId, "sign_out");
      await recordAudit(
        tx,
        { actorId: actor.id },
        { action: "user.sign_out", entity: "user", entityId: actor.id },
      );
    });
  }
  await signOut({ redirectTo: "/login" });
}
