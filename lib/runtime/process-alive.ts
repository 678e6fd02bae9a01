/** Whether a process with this pid exists on this machine (signal 0 checks without signalling). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}
