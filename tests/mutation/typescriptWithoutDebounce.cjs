/**
 * Loaded into StrykerJS's TypeScript checker processes (stryker.config.mjs, checkerNodeArgs).
 * TypeScript's watch mode waits a quarter of a second after a file changes before it rebuilds, so
 * that an editor's bursts of keystrokes make one build; the checker changes files once per group of
 * mutants and then waits for that build, so every check began with 250 ms of nothing. Here the
 * rebuild starts at once. Checking is otherwise unchanged.
 */
const ts = require("typescript");

const setTimeoutAsWatched = ts.sys.setTimeout;
ts.sys.setTimeout = (callback, _ms, ...args) => setTimeoutAsWatched(callback, 0, ...args);
