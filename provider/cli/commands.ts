/**
 * The tool's commands. Both list the backups of one instance with the same flags; they differ in
 * what they require of the result and how they print it.
 */
import type { GetInstanceBackupsResult } from "../types";
import { backupTable } from "./backupTable";
import { LISTING_FLAGS, type ListingFlag } from "./flags";

export interface Command {
  readonly name: string;
  /** One line for the tool's `--help`. */
  readonly summary: string;
  /** The paragraph of the command's own `--help`. */
  readonly description: string;
  readonly flags: readonly ListingFlag[];
  /** Arguments the command sets itself. */
  readonly fixed: Readonly<Record<string, unknown>>;
  /** What goes to stdout. */
  print(result: GetInstanceBackupsResult, json: boolean): string;
}

const latest: Command = {
  name: "latest",
  summary: "print the id of the newest COMPLETED backup",
  description:
    "Lists every backup of the instance and prints the id of the newest COMPLETED one, or with --json\n" +
    "that backup whole, with the instance id, project id and total count. Fails (exit 3) when no\n" +
    "COMPLETED backup matches, and (exit 4) when it is older than --max-age.",
  flags: LISTING_FLAGS.filter((f) => f.name !== "requireLatestCompleted"),
  fixed: { requireLatestCompleted: true },
  print(result, json) {
    const { instanceId, projectId, totalCount, latestCompletedBackup, latestCompletedBackupId } = result;
    return json ? JSON.stringify({ instanceId, projectId, totalCount, backup: latestCompletedBackup }, null, 2) : latestCompletedBackupId!;
  },
};

const list: Command = {
  name: "list",
  summary: "print every backup as a table (id, status, type, size, created)",
  description:
    "Lists every backup of the instance, newest first as the API orders them, as a table with the\n" +
    "creation time in UTC; with --json the whole result (backups, total count, the newest COMPLETED).",
  flags: LISTING_FLAGS,
  fixed: {},
  print(result, json) {
    return json ? JSON.stringify(result, null, 2) : backupTable(result.backups);
  },
};

export const COMMANDS: readonly Command[] = [latest, list];

export function commandNamed(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}
