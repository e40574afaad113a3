/**
 * The test tiers, one folder each under tests/: `unit` in memory, mirroring provider/'s folders
 * (`npm run test:unit`); `integration` against the emulator over HTTP on loopback; `system`,
 * whole-system checks that take longer (the fault campaign, a fleet under a throttle, memory and
 * process hygiene, planted bugs); `e2e`, stacks through the real Pulumi engine, which its global
 * set-up provides first. `npm test` runs all four. tests/support holds what tests share.
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
    require("./jest.integration.config"),
    { ...shared, displayName: "system", roots: ["<rootDir>/tests/system"] },
    { ...shared, displayName: "e2e", roots: ["<rootDir>/tests/e2e"], globalSetup: "<rootDir>/tests/support/globalSetup.ts" },
  ],
};
