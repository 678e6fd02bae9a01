#!/usr/bin/env node
/**
 * `next build`, failing when the build succeeds with warnings. The e2e suite builds through this, so
 * a warning (an import that drags Node-only code into the Edge compile of instrumentation.ts, say)
 * fails CI instead of scrolling past in every deploy's log.
 */
import { spawn } from "node:child_process";

const WARNINGS = /Turbopack build encountered \d+ warnings?/;

const build = spawn("npx", ["next", "build", ...process.argv.slice(2)], {
  stdio: ["ignore", "pipe", "pipe"],
});
let output = "";
for (const [from, to] of [
  [build.stdout, process.stdout],
  [build.stderr, process.stderr],
]) {
  from.on("data", (chunk) => {
    output += chunk;
    to.write(chunk);
  });
}
build.on("close", (code) => {
  if (code !== 0) process.exit(code ?? 1);
  const found = WARNINGS.exec(output);
  if (found) {
    console.error(
      `build-strict: the build passed but ${found[0].replace("Turbopack build ", "")}; fix them.`,
    );
    process.exit(1);
  }
});
