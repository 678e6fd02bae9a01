/** Types for test/chromium.cjs (plain JavaScript, so the benchmarks can run it with node). */
export declare function systemChromium(): string | undefined;
