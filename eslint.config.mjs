// @ts-check
/**
 * Lint rules, and the layers of `provider/` as import rules: a module may import from its own
 * layer and the ones below, never from a layer above; the emulator shares only `api/` with the
 * client, and the client never imports the emulator. Inside the emulator its rooms are ordered the
 * same way. No import cycle is allowed in `provider/`, type-only imports included.
 */
import importX, { createNodeResolver } from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";
import importCycles from "./lint/importCycles.mjs";

/** `provider/`, lowest layer first. The data path reads upward through them. */
const LAYERS = [
  ["api"],
  ["errors.ts", "types.ts", "version.ts", "arguments"],
  ["http"],
  ["settings"],
  ["validation"],
  ["backups", "paging", "selection"],
  ["calls"],
  ["listing.ts", "reporting.ts", "waits"],
  ["dynamic", "pulumi"],
  ["restore"],
  ["resources", "index.ts"],
  ["plugin", "cli"],
].map((layer) => layer.map((entry) => `./provider/${entry}`));

/**
 * `provider/emulator/`, lowest room first: the types every room speaks in; how it answers; the test's
 * plans; the model; the API handlers over it; the HTTP gateway over those; the control over the
 * model, steering and gateway; the assembly; the command line; the entries.
 */
const EMULATOR_ROOMS = [
  ["sharedTypes.ts"],
  ["replies"],
  ["steering"],
  ["model"],
  ["apis"],
  ["gateway"],
  ["control"],
  ["startup"],
  ["cli"],
  ["cli.ts", "index.ts"],
].map((room) => room.map((entry) => `./provider/emulator/${entry}`));

/**
 * The files of provider/ that may import `@pulumi/*`: the Pulumi forms (function pair, log, stack
 * config), the dynamic resources and what they share, the restore's resource and its provider
 * logic, the plugin, and the entry point. Everything else is Pulumi-free.
 */
const PULUMI_SIDE = [
  "provider/pulumi/**",
  "provider/dynamic/**",
  "provider/resources/**",
  "provider/restore/instanceRestore.ts",
  "provider/restore/instanceRestoreProvider.ts",
  "provider/plugin/**",
  "provider/index.ts",
];
const PULUMI_ZONE_MESSAGE = "Only the Pulumi side of provider/ may import @pulumi/* (see PULUMI_SIDE in eslint.config.mjs).";

/**
 * Zones forbidding each layer to import any layer above it.
 * @param {string[][]} layers lowest first
 * @param {string} message
 */
function upwardZones(layers, message) {
  return layers.flatMap((layer, i) => layers.slice(i + 1).flatMap((higher) => layer.map((target) => ({ target, from: higher, message }))));
}

const layerZones = [
  ...upwardZones(LAYERS, "A lower layer of provider/ must not import a higher one (see LAYERS in eslint.config.mjs)."),
  ...upwardZones(EMULATOR_ROOMS, "A lower room of the emulator must not import a higher one (see EMULATOR_ROOMS in eslint.config.mjs)."),
];

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      ".pulumi-work/**",
      "coverage/**",
      "sdk/**",
      "reports/**",
      "examples/*/node_modules/**",
      "examples/*/bin/**",
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { "import-x": importX },
    settings: { "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".js", ".json"] })] },
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            ...layerZones,
            {
              target: "./provider/emulator",
              from: "./provider",
              except: ["./api", "./emulator"],
              message: "The emulator shares only provider/api with the client.",
            },
            { target: LAYERS.flat(), from: "./provider/emulator", message: "The client never imports the emulator." },
          ],
        },
      ],
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-require-imports": "off",
      eqeqeq: ["error", "always"],
      "no-console": "off",
    },
  },
  {
    // import-x/no-cycle does not follow type-only imports; this rule does (see lint/importCycles.mjs).
    files: ["provider/**/*.ts"],
    plugins: { local: importCycles },
    rules: { "local/no-import-cycle": "error" },
  },
  {
    // Pulumi only where Pulumi is: the core, the restore's core, the command line and the emulator
    // run without it (the command line starts in a fifth of a second because it never loads it).
    files: ["provider/**/*.ts"],
    ignores: PULUMI_SIDE,
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@pulumi/*"], message: PULUMI_ZONE_MESSAGE }] }],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.name='require'] > Literal[value=/^@pulumi\\//]", message: PULUMI_ZONE_MESSAGE },
        { selector: "ImportExpression > Literal[value=/^@pulumi\\//]", message: PULUMI_ZONE_MESSAGE },
      ],
    },
  },
  {
    files: ["tests/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
