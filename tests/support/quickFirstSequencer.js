/**
 * Test files in order of their last duration, quickest first. Used for mutation runs: StrykerJS
 * stops at the first failing file, and the quick, focused unit tests are the ones most likely to
 * catch a mutant, so they go before the slow whole-listing ones.
 */
const Sequencer = require("@jest/test-sequencer").default;

class QuickFirstSequencer extends Sequencer {
  sort(tests) {
    const durations = tests.map((test) => [test, this._getCache(test)[test.path]?.[1] ?? 0]);
    return durations.sort((a, b) => a[1] - b[1] || (a[0].path < b[0].path ? -1 : 1)).map(([test]) => test);
  }
}

module.exports = QuickFirstSequencer;
