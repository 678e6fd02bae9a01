/**
 * Next.js calls register() once per server runtime. Everything the site does at start-up needs
 * Node.js (lib/server/startup.ts); importing it only inside this check, which the build resolves per
 * runtime, keeps it out of the Edge bundle Next.js also compiles this file into.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("./lib/server/startup");
    await startServer();
  }
}
