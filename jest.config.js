/** @type {import('jest').Config} */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testPathIgnorePatterns: ["/support/"],
  globalSetup: "<rootDir>/tests/support/globalSetup.ts",
  moduleNameMapper: {
    "^pulumi-taurusdb-backups$": "<rootDir>/provider/index.ts",
    "^pulumi-taurusdb-backups/emulator$": "<rootDir>/provider/emulator/index.ts",
  },
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
};
