// Built by bench/run.mjs as the "bare prerendered Next.js page" every figure is compared with.
const config = { distDir: "../../.next-baseline", poweredByHeader: false };
export default config;
