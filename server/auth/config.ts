import { randomUUID } from "node:crypto";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "../db";
import { verifyCredentials } from "../domain/users";
import { signInInput } from "../schemas/auth";
import type { SessionRef } from "./session-ref";

// The session cookie carries only the user id and the session version it was issued for;
// everything else (role, scope, active flag) is read from the database on each request.
type SessionClaims = { uid?: string; sv?: number };

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { login: {}, password: {} },
      async authorize(raw) {
        // Auth.js adds its own fields (callbackUrl, csrfToken); only the credentials are ours.
        const parsed = signInInput.safeParse({ login: raw.login, password: raw.password });
        if (!parsed.success) return null;
        const user = await verifyCredentials(getDb(), parsed.data, randomUUID());
        if (!user) return null;
        return { id: String(user.id), name: user.displayName, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      const claims = token as typeof token & SessionClaims;
      if (user) {
        claims.uid = user.id;
        claims.sv = (user as { sessionVersion?: number }).sessionVersion;
      }
      return claims;
    },
    session({ session, token }) {
      const claims = token as SessionClaims;
      return { ...session, userId: claims.uid, sessionVersion: claims.sv };
    },
  },
});

// Reads the signed cookie; null when signed out or the cookie is malformed.
export async function currentSessionRef(): Promise<SessionRef | null> {
  const session = (await auth()) as { userId?: string; sessionVersion?: number } | null;
  const userId = Number(session?.userId);
  if (!session || !Number.isInteger(userId) || typeof session.sessionVersion !== "number") {
    return null;
  }
  return { userId, sessionVersion: session.sessionVersion };
}
