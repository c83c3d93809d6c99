// Runs once when the Next server starts, before it serves requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { refuseUnpatchedPostgres } = await import("./server/postgres-patch-check");
  refuseUnpatchedPostgres();
  const { recordPeerAddresses } = await import("./server/auth/peer-address");
  recordPeerAddresses();
}
