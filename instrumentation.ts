// Runs once when the Next server starts, before it serves requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { postgresPatchProblem } = await import("./server/postgres-patch-check");
  const problem = postgresPatchProblem();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  const { recordPeerAddresses } = await import("./server/auth/peer-address");
  recordPeerAddresses();
}
