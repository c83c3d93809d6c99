import { getDb } from "../db";
import { endSessionAtSignOut } from "../domain/sessions";
import { currentSessionRef, signOut } from "./config";

// The user menu's sign-out. Auth.js's signOut also ends the session (events.signOut in
// ./config), but swallows any error there; ending it here first lets a failure surface rather
// than clear the cookie of a session that stays open.
export async function signOutCurrentUser(): Promise<void> {
  const ref = await currentSessionRef();
  if (ref) await endSessionAtSignOut(getDb(), ref);
  await signOut({ redirectTo: "/login" });
}
