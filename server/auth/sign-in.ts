import { isIP } from "node:net";
import type { Database } from "@/db";
import { recordAudit } from "../domain/audit";
import { type SessionClient, startSession } from "../domain/sessions";
import { type SignedInUser, verifyCredentials } from "../domain/users";
import { logWarning } from "../log";
import { addressKey, loginKey, type SignInLimiter } from "./sign-in-limiter";

export type SignInOutcome =
  | { status: "ok"; user: SignedInUser; sessionId: string }
  | { status: "invalid" }
  | { status: "throttled" };

// The client address as the app's own HTTP server or a proxy in front of it reports it: the
// first hop of X-Forwarded-For, else X-Real-IP. Next's server fills X-Forwarded-For with the
// socket address only when the request has none, so a client can claim any address unless a
// trusted proxy overwrites the header; the per-account limit holds either way.
export function clientOf(request: Request | undefined): SessionClient {
  const headers = request?.headers;
  const forwarded = headers?.get("x-forwarded-for")?.split(",")[0]?.trim();
  const candidate = forwarded || headers?.get("x-real-ip")?.trim() || "";
  const address = candidate.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  return {
    clientAddress: isIP(address) ? address : null,
    userAgent: headers?.get("user-agent") ?? null,
  };
}

// Password sign-in with throttling and a server-side session. Unknown logins, wrong passwords
// and disabled accounts all answer "invalid"; only the throttle has an answer of its own, and
// it is given whether or not the login exists.
export async function signInWithPassword(
  db: Database,
  limiter: SignInLimiter,
  input: { login: string; password: string },
  client: SessionClient,
  options: { requestId?: string; now?: Date } = {},
): Promise<SignInOutcome> {
  const accountKey = loginKey(input.login);
  const keys = client.clientAddress ? [accountKey, addressKey(client.clientAddress)] : [accountKey];
  const attempt = await limiter.begin(keys);
  if (attempt.exceeded.length > 0) {
    const limitedBy = attempt.exceeded.map((key) => (key === accountKey ? "login" : "ip"));
    await recordAudit(
      db,
      { actorId: null, requestId: options.requestId },
      {
        action: "user.sign_in_blocked",
        entity: "user",
        after: {
          login: input.login.slice(0, 64),
          clientAddress: client.clientAddress,
          limitedBy,
        },
      },
    );
    logWarning("sign-in", { requestId: options.requestId, event: "throttled", limitedBy });
    return { status: "throttled" };
  }

  const user = await verifyCredentials(db, input, options.requestId);
  if (!user) return { status: "invalid" };
  await attempt.succeeded([accountKey]);
  const sessionId = await startSession(db, user.id, client, options.now);
  return { status: "ok", user, sessionId };
}
