import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Outside data is validated by schemas, never asserted into shape.
      "@typescript-eslint/consistent-type-assertions": ["error", { assertionStyle: "never" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // Client code is easy to spot: only *.island.tsx files may be client components.
    files: ["**/*.{ts,tsx,js,mjs}"],
    ignores: ["**/*.island.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "ExpressionStatement[directive='use client']",
          message: '"use client" belongs only in a *.island.tsx file, so client code is easy to find.',
        },
      ],
    },
  },
  {
    // A CommonJS file (test/nginx-conf.cjs, shared by the benchmarks and TypeScript specs) can only require().
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "out/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
