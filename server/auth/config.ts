import { randomUUID } from "node:crypto";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "../db";
import { endSessionAtSignOut } from "../domain/sessions";
import { env } from "../env";
import { logError } from "../log";
import { signInInput } from "../schemas/auth";
import type { SessionRef } from "./session-ref";
import { clientOf, type SignInOutcome, signInWithPassword } from "./sign-in";
import { SIGN_IN_CODES } from "./sign-in-errors";
import { defaultSignInLimiter } from "./sign-in-limiter";
import { createVerificationGate, type VerificationGate } from "./verification-gate";

// The session cookie carries only the user id, the session version it was issued for and the
// server-side session id; everything else (role, scope, active flag, whether the session is
// still open) is read from the database on each request.
type SessionClaims = { uid?: string; sv?: number; sid?: string };

// Shown on the login page (app/(auth)/login); the code travels in the error, not the message.
class RefusedSignIn extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

const refusals: Partial<Record<SignInOutcome["status"], string>> = {
  throttled: SIGN_IN_CODES.throttled,
  slowed: SIGN_IN_CODES.slowed,
  busy: SIGN_IN_CODES.busy,
};

// One per process: the limit is on this instance's CPU.
const holder = globalThis as { balanceDeskVerificationGate?: VerificationGate };
const verificationGate = () =>
  (holder.balanceDeskVerificationGate ??= createVerificationGate(env().SIGN_IN_MAX_VERIFICATIONS));

// Explicit rather than inferred from the request URL: in production the cookie is Secure
// (HTTPS only; browsers also accept it from http://localhost). AUTH_COOKIE_SECURE=false is
// for a production build tried out over plain HTTP on a private network.
const secureCookies =
  process.env.NODE_ENV === "production" && process.env.AUTH_COOKIE_SECURE !== "false";

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // The server-side session (server/domain/sessions.ts) enforces the same 12 hours and the
  // 30-minute idle limit; the cookie's own lifetime only matches it.
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  useSecureCookies: secureCookies,
  cookies: {
    sessionToken: {
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies },
    },
  },
  pages: { signIn: "/login" },
  logger: {
    // A refused sign-in is an expected outcome, already audited and logged (without the
    // password) by signInWithPassword; Auth.js would print a stack trace for each one.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      logError("auth", { error });
    },
  },
  providers: [
    Credentials({
      credentials: { login: {}, password: {} },
      async authorize(raw, request) {
        // Auth.js adds its own fields (callbackUrl, csrfToken); only the credentials are ours.
        const parsed = signInInput.safeParse({ login: raw.login, password: raw.password });
        if (!parsed.success) return null;
        const db = getDb();
        const outcome = await signInWithPassword(
          db,
          { limiter: await defaultSignInLimiter(db), gate: verificationGate() },
          parsed.data,
          clientOf(request, env().TRUST_PROXY),
          { requestId: request.headers.get("x-request-id") ?? randomUUID() },
        );
        const refusal = refusals[outcome.status];
        if (refusal) throw new RefusedSignIn(refusal);
        if (outcome.status !== "ok") return null;
        const { user, sessionId } = outcome;
        return {
          id: String(user.id),
          name: user.displayName,
          sessionVersion: user.sessionVersion,
          sessionId,
        };
      },
    }),
  ],
  events: {
    // Every sign-out ends the server-side session, including a POST to Auth.js's own
    // /api/auth/signout, so a copy of the cookie is refused afterwards.
    async signOut(message) {
      const claims = ("token" in message ? message.token : null) as SessionClaims | null;
      const userId = Number(claims?.uid);
      if (!Number.isInteger(userId) || typeof claims?.sid !== "string") return;
      await endSessionAtSignOut(getDb(), { userId, sessionId: claims.sid });
    },
  },
  callbacks: {
    jwt({ token, user }) {
      const claims = token as typeof token & SessionClaims;
      if (user) {
        const signedIn = user as { sessionVersion?: number; sessionId?: string };
        claims.uid = user.id;
        claims.sv = signedIn.sessionVersion;
        claims.sid = signedIn.sessionId;
      }
      return claims;
    },
    session({ session, token }) {
      const claims = token as SessionClaims;
      return { ...session, userId: claims.uid, sessionVersion: claims.sv, sessionId: claims.sid };
    },
  },
});

// Reads the signed cookie; null when signed out or the cookie is malformed.
export async function currentSessionRef(): Promise<SessionRef | null> {
  const session = (await auth()) as {
    userId?: string;
    sessionVersion?: number;
    sessionId?: string;
  } | null;
  const userId = Number(session?.userId);
  if (
    !session ||
    !Number.isInteger(userId) ||
    typeof session.sessionVersion !== "number" ||
    typeof session.sessionId !== "string"
  ) {
    return null;
  }
  return { userId, sessionVersion: session.sessionVersion, sessionId: session.sessionId };
}
