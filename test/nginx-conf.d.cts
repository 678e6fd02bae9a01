/** Types for test/nginx-conf.cjs (plain JavaScript, so the benchmarks can run it with node). */
export declare function localNginxConf(options: {
  listenPort: number;
  upstreamPorts: number[];
  conf?: string;
}): string;
