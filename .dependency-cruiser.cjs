/**
 * The house rules, checked by `npm run deps` (part of `npm test`). The picture and the reasons are in
 * docs/architecture/README.md ("Layers"); this table is the same picture, and the two must agree.
 *
 * app → components → lib, never upward; inside lib, each folder imports only folders on lower
 * floors (its own floor's neighbours included: sideways is not down); no import cycle anywhere;
 * production code never imports test support (test/, *.fixture.ts).
 */
/** lib's floors, bottom first. */
const FLOORS = [
  ["config", "cli"],
  ["format", "runtime", "fonts", "share"],
  ["db", "content"],
  ["fast", "search", "feeds", "fronts", "reads", "narration"],
  ["seo", "newsletter", "site"],
  ["og", "server"],
];

const TESTS = "(\\.test\\.tsx?$|\\.fixture\\.tsx?$|^e2e/|^test/|^bench/)";

/** For each lib folder: everything in lib that is not on a lower floor (nor itself) is forbidden. */
const floorRules = FLOORS.flatMap((floor, level) => {
  const below = FLOORS.slice(0, level).flat();
  return floor.map((folder) => ({
    name: `lib-${folder}-floor`,
    comment: `lib/${folder} may import only lib/${below.length ? below.join(", lib/") : "(nothing)"}`,
    severity: "error",
    from: { path: `^lib/${folder}/`, pathNot: TESTS },
    to: { path: "^lib/", pathNot: `^lib/(${[folder, ...below].join("|")})/` },
  }));
});

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "No import cycle between files (and so none between folders' files).",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "lib-not-up",
      comment: "lib is the bottom layer: it never imports components or routes.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "components-not-up",
      comment: "Components never import routes.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "no-test-support-in-production",
      comment: "Test helpers and fixtures are for tests only.",
      severity: "error",
      from: { pathNot: TESTS },
      to: { path: "(^test/|\\.fixture\\.tsx?$)" },
    },
    {
      name: "lib-folders-known",
      comment: "Every lib folder is on a floor of FLOORS (a new folder is placed there on purpose).",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: `^lib/(?!(${FLOORS.flat().join("|")})/)[^/]+/` },
    },
    ...floorRules,
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|\\.next[^/]*)/" },
    // Type-only imports count: a cycle through types is still a cycle in the design.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
  },
};
