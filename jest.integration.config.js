/**
 * The `integration` tier: the client, the resources' logic and the command line against the
 * emulator over real HTTP on loopback (or a stub server the test starts), and the emulator's own
 * tests; no engine.
 */
const shared = require("./jest.shared.config");

/** @type {import('jest').Config} */
module.exports = { ...shared, displayName: "integration", roots: ["<rootDir>/tests/integration"] };
