// Runs once when the Next server starts, before it serves requests. The test is written as a
// block on NEXT_RUNTIME so the Edge build drops the Node.js-only work instead of bundling it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startInstance } = await import("./server/startup");
    await startInstance();
  }
}
