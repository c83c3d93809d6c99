// What a signed session cookie identifies: a user and the session version it was issued for.
export type SessionRef = { userId: number; sessionVersion: number };
