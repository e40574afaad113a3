/**
 * The `unit` tier: tests in memory, no server and no engine, mirroring the folders of provider/
 * (tests/unit/<folder>/...). `npm run test:unit` runs it alone; StrykerJS runs the core's part of
 * it, and the integration tests of the core, per mutant (jest.mutation.config.js).
 */
const shared = require("./jest.shared.config");

/** @type {import('jest').Config} */
module.exports = { ...shared, displayName: "unit", roots: ["<rootDir>/tests/unit"] };
