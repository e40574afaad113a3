/**
 * Three projects: `unit` is quick and needs nothing but Node.js (`npm run test:unit`, under a
 * minute); `system` runs whole-system checks against real servers that take longer (the fault
 * campaign, a fleet under a throttle, memory and process hygiene); `e2e` runs stacks through the
 * real Pulumi engine, which its global setup provides first. `npm test` runs all three.
 */
const os = require("node:os");
const shared = require("./jest.shared.config");

/** @type {import('jest').Config} */
module.exports = {
  // One worker more than the cores (Jest's default is one fewer): the end-to-end tests spend much
  // of their time waiting on the engine's and the providers' processes, the system tests on timers.
  maxWorkers: os.availableParallelism() + 1,
  projects: [
    require("./jest.unit.config"),
    { ...shared, displayName: "system", roots: ["<rootDir>/tests/system"] },
    { ...shared, displayName: "e2e", roots: ["<rootDir>/tests/e2e"], globalSetup: "<rootDir>/tests/support/globalSetup.ts" },
  ],
};
