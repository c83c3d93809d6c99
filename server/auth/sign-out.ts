import { getDb } from "../db";
import { recordAudit } from "../domain/audit";
import { signOut } from "./config";
import { currentActor } from "./current-actor";

export async function signOutCurrentUser(): Promise<void> {
  const actor = await currentActor();
  if (actor) {
    await recordAudit(
      getDb(),
      { actorId: actor.id },
      { action: "user.sign_out", entity: "user", entityId: actor.id },
    );
  }
  await signOut({ redirectTo: "/login" });
}
