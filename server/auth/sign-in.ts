import type { Database } from "@/db";
import { recordAudit } from "../domain/audit";
import { type SessionClient, startSession } from "../domain/sessions";
import { type SignedInUser, typedLoginForAudit, verifyCredentials } from "../domain/users";
import { logWarning } from "../log";
import { addressKey, clientAddressOf } from "./client-address";
import { loginAddressKey, loginKey, type SignInLimiter } from "./sign-in-limiter";
import type { VerificationGate } from "./verification-gate";

export type SignInOutcome =
  | { status: "ok"; user: SignedInUser; sessionId: string }
  | { status: "invalid" }
  // Locked for this login from this address, or for this address.
  | { status: "throttled" }
  // The account failed often lately, from anywhere: try again in a while.
  | { status: "slowed"; waitMs: number }
  // Too many password checks running on this instance.
  | { status: "busy" };

export type SignInGuards = { limiter: SignInLimiter; gate: VerificationGate };

// The client as the request reports it; `trustedProxies` is TRUST_PROXY (client-address.ts).
export function clientOf(request: Request | undefined, trustedProxies: number): SessionClient {
  const headers = request?.headers;
  return {
    clientAddress: headers ? clientAddressOf(headers, trustedProxies) : null,
    userAgent: headers?.get("user-agent") ?? null,
  };
}

// Password sign-in with throttling and a server-side session. Unknown logins, wrong passwords
// and disabled accounts all answer "invalid"; the refusals before a password check have answers
// of their own, given whether or not the login exists.
export async function signInWithPassword(
  db: Database,
  guards: SignInGuards,
  input: { login: string; password: string },
  client: SessionClient,
  options: { requestId?: string; now?: Date } = {},
): Promise<SignInOutcome> {
  const leave = guards.gate.tryEnter();
  if (!leave) {
    logWarning("sign-in", { requestId: options.requestId, event: "busy" });
    return { status: "busy" };
  }
  try {
    const address = addressKey(client.clientAddress);
    const pair = loginAddressKey(input.login, address);
    const account = loginKey(input.login);
    const attempt = await guards.limiter.begin({ pair, address, account });
    if (attempt.exceeded.length > 0 || attempt.waitMs > 0) {
      await attempt.refused();
      const limitedBy =
        attempt.exceeded.length > 0
          ? attempt.exceeded.map((key) => (key === pair ? "login_address" : "address"))
          : ["login_delay"];
      const typed = await typedLoginForAudit(db, input.login);
      await recordAudit(
        db,
        { actorId: null, requestId: options.requestId },
        {
          action: "user.sign_in_blocked",
          entity: "user",
          entityId: typed.entityId,
          after: { ...typed.after, clientAddress: client.clientAddress, limitedBy },
        },
      );
      logWarning("sign-in", { requestId: options.requestId, event: "throttled", limitedBy });
      return attempt.exceeded.length > 0
        ? { status: "throttled" }
        : { status: "slowed", waitMs: attempt.waitMs };
    }

    const user = await verifyCredentials(db, input, options.requestId);
    if (!user) return { status: "invalid" };
    await attempt.succeeded([pair, account]);
    const sessionId = await startSession(db, user.id, client, options.now);
    return { status: "ok", user, sessionId };
  } finally {
    leave();
  }
}
