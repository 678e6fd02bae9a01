import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    // .ts and .tsx alike: a component test that matched no pattern would never run.
    include: ["{app,lib,components,scripts,test}/**/*.test.{ts,tsx}"],
    environment: "node",
  },
});
