/**
 * deploy/nginx.conf as shipped, rewritten to run on loopback: the listen address, one `server` line
 * per upstream port (as an operator adds instances, uncommenting the header the file says goes with
 * a second one) and the process settings; nothing else changes.
 * Shared by the benchmarks (bench/lib.mjs) and the proxy specs (e2e/lib/nginx.ts), so both test
 * the file that ships. Throws if the shipped file no longer has a line it rewrites, rather than
 * running a proxy that silently is not the shipped one.
 */
// CommonJS so that node (the benchmarks), vitest and Playwright's loader all import it as it is.
const { readFileSync } = require("node:fs");
const path = require("node:path");

const SHIPPED = path.join(__dirname, "..", "deploy", "nginx.conf");

function localNginxConf({ listenPort, upstreamPorts, conf = readFileSync(SHIPPED, "utf8") }) {
  // When run as root, nginx's workers stay root so they can use the temporary folders it was given.
  const user = process.getuid?.() === 0 ? "user root;\n" : "";
  const edits = [
    ["listen 8080;", `listen 127.0.0.1:${listenPort};`],
    [
      "server 127.0.0.1:3000 max_fails=0;",
      upstreamPorts.map((p) => `server 127.0.0.1:${p} max_fails=0;`).join("\n    "),
    ],
    ["events {", `daemon off;\n${user}events {`],
    ...(upstreamPorts.length > 1
      ? [["# proxy_set_header X-Dispatch-Next-Upstream 1;", "proxy_set_header X-Dispatch-Next-Upstream 1;"]]
      : []),
  ];
  return edits.reduce((text, [line, replacement]) => {
    if (!text.includes(line)) throw new Error(`deploy/nginx.conf has no "${line}" line to rewrite`);
    return text.replace(line, replacement);
  }, conf);
}

module.exports = { localNginxConf };
