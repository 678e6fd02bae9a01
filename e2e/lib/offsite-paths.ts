/**
 * Ways to make a browser leave the site through a redirect's `path=` parameter, for the unit test of
 * lib/server/local-path.ts and the HTTP checks in e2e/preview-redirect.spec.ts. Most start with a
 * single `/` and only turn into `//host` (protocol-relative) once the URL parser removes dot
 * segments, tabs or newlines, or reads `\` as `/`.
 */
export const OFFSITE = [
  "//evil.example/x",
  "/\\evil.example",
  "/\\\\evil.example",
  "\\/evil.example",
  "/.//evil.example",
  "/..//evil.example",
  "/./..//evil.example",
  "/%2e//evil.example",
  "/%2E%2E//evil.example",
  "/.%2e//evil.example",
  "/.\\/evil.example",
  "/..\\\\evil.example",
  "/a/..//evil.example",
  "/a/../..//evil.example/x?y=1",
  "/\t/evil.example",
  "/.\t//evil.example",
  "/\n/evil.example",
  "/.\r\n//evil.example",
  "/%5c/evil.example",
  "/%5C%5Cevil.example",
  "/.%5c/evil.example",
  "/%2f/evil.example",
  "/%09/evil.example",
  "https://evil.example/",
  "http:evil.example",
  "HTTPS://evil.example",
  "javascript:alert(1)",
  " //evil.example",
  "/ /evil.example",
];
