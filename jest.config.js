/**
 * Two projects: `unit` needs nothing but Node.js (no engine, no global setup; `npm run test:unit`),
 * `e2e` runs stacks through the real Pulumi engine, which its global setup provides first.
 * `npm test` runs both.
 */
const shared = {
  preset: "ts-jest",
  testEnvironment: "node",
  testPathIgnorePatterns: ["/support/"],
  moduleNameMapper: {
    "^pulumi-taurusdb-backups$": "<rootDir>/provider/index.ts",
    "^pulumi-taurusdb-backups/emulator$": "<rootDir>/provider/emulator/index.ts",
  },
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...shared, displayName: "unit", roots: ["<rootDir>/tests"], testPathIgnorePatterns: [...shared.testPathIgnorePatterns, "<rootDir>/tests/e2e/"] },
    { ...shared, displayName: "e2e", roots: ["<rootDir>/tests/e2e"], globalSetup: "<rootDir>/tests/support/globalSetup.ts" },
  ],
};
