import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { localNginxConf } from "./nginx-conf.cjs";

describe("localNginxConf", () => {
  it("rewrites only the listen address, the upstreams and the process settings of the shipped file", () => {
    const shipped = readFileSync("deploy/nginx.conf", "utf8");
    const local = localNginxConf({ listenPort: 3999, upstreamPorts: [3101, 3102] });
    expect(local).toContain("listen 127.0.0.1:3999;");
    expect(local).toContain("server 127.0.0.1:3101 max_fails=0;\n    server 127.0.0.1:3102 max_fails=0;");
    expect(local).toContain("daemon off;");
    expect(local).not.toContain("listen 8080;");
    expect(local).not.toContain("server 127.0.0.1:3000");
    // Two instances: the header the file says goes with a second one, as an operator uncomments it.
    expect(local).toMatch(/^ {4}proxy_set_header X-Dispatch-Next-Upstream 1;$/m);
    expect(localNginxConf({ listenPort: 3999, upstreamPorts: [3101] })).toContain(
      "# proxy_set_header X-Dispatch-Next-Upstream 1;",
    );
    // Everything else, the cache rules above all, is the shipped text line for line.
    const unchanged = (text: string) =>
      text
        .split("\n")
        .filter(
          (l) =>
            !/listen |server 127\.0\.0\.1:|daemon off;|user root;|events \{|X-Dispatch-Next-Upstream 1;/.test(
              l,
            ),
        );
    expect(unchanged(local)).toEqual(unchanged(shipped));
  });

  it("fails loudly when the shipped file no longer has a line it rewrites", () => {
    const conf = readFileSync("deploy/nginx.conf", "utf8").replace("listen 8080;", "listen 80;");
    expect(() => localNginxConf({ listenPort: 3999, upstreamPorts: [3101], conf })).toThrow(/listen 8080;/);
  });
});
