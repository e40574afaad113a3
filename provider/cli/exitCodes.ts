/**
 * The command line's exit codes: one per way it can end that a script may want to tell apart.
 * `--help` prints this table, so the codes and their meanings are written here only.
 */
import { BackupTooOldError, InvalidArgumentsError, NoCompletedBackupError } from "../errors";
import { UsageError } from "./usageError";

export const EXIT_CODES = {
  ok: 0,
  /** The API answered an error, did not answer, answered nonsense, or the listing timed out. */
  failed: 1,
  usage: 2,
  noCompletedBackup: 3,
  tooOld: 4,
} as const;

export const EXIT_CODE_MEANINGS: ReadonlyArray<readonly [number, string]> = [
  [EXIT_CODES.ok, "done"],
  [EXIT_CODES.failed, "the listing failed: an API error, no answer, an unexpected answer, or the time ran out"],
  [EXIT_CODES.usage, "bad usage: an unknown command or flag, a bad flag value, or missing credentials; nothing was sent"],
  [EXIT_CODES.noCompletedBackup, "no COMPLETED backup matches"],
  [EXIT_CODES.tooOld, "the newest COMPLETED backup is older than --max-age"],
];

export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError || error instanceof InvalidArgumentsError) return EXIT_CODES.usage;
  if (error instanceof NoCompletedBackupError) return EXIT_CODES.noCompletedBackup;
  if (error instanceof BackupTooOldError) return EXIT_CODES.tooOld;
  return EXIT_CODES.failed;
}
