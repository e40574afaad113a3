/**
 * The `unit` Jest project on its own: quick tests that need nothing but Node.js. jest.config.js
 * runs it with the others; StrykerJS (stryker.config.mjs) runs it alone.
 */
const shared = require("./jest.shared.config");

/** @type {import('jest').Config} */
module.exports = {
  ...shared,
  displayName: "unit",
  roots: ["<rootDir>/tests"],
  testPathIgnorePatterns: [
    ...shared.testPathIgnorePatterns,
    "<rootDir>/tests/e2e/",
    "<rootDir>/tests/system/",
    "<rootDir>/tests/mutation/",
  ],
};
