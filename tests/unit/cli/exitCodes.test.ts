/** The command line's exit codes are a contract with scripts: the README's numbers, each for its cause. */
import { EXIT_CODE_MEANINGS, EXIT_CODES, exitCodeOf } from "../../../provider/cli/exitCodes";
import { UsageError } from "../../../provider/cli/usageError";
import {
  BackupTooOldError,
  InvalidArgumentsError,
  MissingCredentialsError,
  NoCompletedBackupError,
  TaurusDbApiError,
} from "../../../provider/errors";

test("the numbers are the README's: 0 done, 1 failed, 2 usage, 3 no COMPLETED backup, 4 too old", () => {
  expect(EXIT_CODES).toEqual({ ok: 0, failed: 1, usage: 2, noCompletedBackup: 3, tooOld: 4 });
  expect(EXIT_CODE_MEANINGS.map(([code]) => code)).toEqual([0, 1, 2, 3, 4]);
});

test("each cause has its own code", () => {
  expect(exitCodeOf(new UsageError("unknown flag --x"))).toBe(2);
  expect(exitCodeOf(new InvalidArgumentsError([{ argument: "--page-size", problem: "must be 1 to 100" }], "list"))).toBe(2);
  expect(exitCodeOf(new MissingCredentialsError([{ argument: "credentials", problem: "none found" }], "list"))).toBe(2);
  expect(exitCodeOf(new NoCompletedBackupError("i", 3, 0))).toBe(3);
  expect(exitCodeOf(new BackupTooOldError("i", "b", "2026-01-01T00:00:00Z", 90_000_000, "1d"))).toBe(4);
  expect(exitCodeOf(new Error("anything else"))).toBe(1);
  expect(exitCodeOf(Object.create(TaurusDbApiError.prototype))).toBe(1);
});
