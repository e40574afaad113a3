/**
 * Three projects: `unit` is quick and needs nothing but Node.js (`npm run test:unit`, under a
 * minute); `system` runs whole-system checks against real servers that take longer (the fault
 * campaign, a fleet under a throttle, memory and process hygiene); `e2e` runs stacks through the
 * real Pulumi engine, which its global setup provides first. `npm test` runs all three.
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
    { ...shared, displayName: "unit", roots: ["<rootDir>/tests"], testPathIgnorePatterns: [...shared.testPathIgnorePatterns, "<rootDir>/tests/e2e/", "<rootDir>/tests/system/"] },
    { ...shared, displayName: "system", roots: ["<rootDir>/tests/system"] },
    { ...shared, displayName: "e2e", roots: ["<rootDir>/tests/e2e"], globalSetup: "<rootDir>/tests/support/globalSetup.ts" },
  ],
};
