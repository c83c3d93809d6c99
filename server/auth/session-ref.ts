// What a signed session cookie identifies: a user, the session version it was issued for and
// the server-side session (user_sessions row) it belongs to.
export type SessionRef = { userId: number; sessionVersion: number; sessionId: string };
