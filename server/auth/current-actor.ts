import { cache } from "react";
import { getDb } from "../db";
import { type Actor, loadActor } from "../domain/users";
import { currentSessionRef } from "./config";

// Memoised per request so the layout, the page and the tRPC server caller share one lookup.
export const currentActor = cache(async (): Promise<Actor | null> => {
  const ref = await currentSessionRef();
  if (!ref) return null;
  return loadActor(getDb(), ref);
});
