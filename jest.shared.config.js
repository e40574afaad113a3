/** What every Jest project here shares: TypeScript through ts-jest, and the package by its own name. */
/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  preset: "ts-jest",
  testEnvironment: "node",
  // The machine is small and shared; a slow moment must not fail a test that has no timing in it.
  testTimeout: 30_000,
  testPathIgnorePatterns: ["/support/", "/fixtures/"],
  moduleNameMapper: {
    "^pulumi-taurusdb-backups$": "<rootDir>/provider/index.ts",
    "^pulumi-taurusdb-backups/emulator$": "<rootDir>/provider/emulator/index.ts",
  },
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
};
