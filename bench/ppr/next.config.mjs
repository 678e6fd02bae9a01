// Built by bench/search.mjs: the bare per-request page again, with Partial Prerendering
// (cacheComponents), to measure whether a static shell with only the results rendered is cheaper.
const config = { distDir: "../../.next-ppr", poweredByHeader: false, cacheComponents: true };
export default config;
