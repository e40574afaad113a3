/**
 * `LatestCompletedBackup`: the newest COMPLETED backup, chosen once and then pinned, like `keepers`
 * in `@pulumi/random`. Later updates keep the same backup even when newer ones complete, until the
 * instance, a filter or a keeper changes; then it pins anew. See ./latestCompletedBackupProvider.ts.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ArgumentName, ARGUMENTS } from "../arguments/catalogue";
import type { OnExpired } from "../arguments/resourceOptions";
import type { Inputs } from "../pulumi/inputs";
import type { Backup, GetInstanceBackupsArgs } from "../types";
import { secretCredentials } from "../dynamic/secretCredentials";
import { serializedProvider } from "../dynamic/serializedProvider";
import { LATEST_COMPLETED_BACKUP_METHODS } from "./latestCompletedBackupProvider";
import { LATEST_COMPLETED_BACKUP_COMPUTED, type LatestCompletedBackupState } from "./latestCompletedBackupState";
import type { NoneOf } from "../arguments/define";
import { outputsToCome } from "../dynamic/outputsToCome";

/** The listing arguments the pinned resource takes (see `pin` in the argument catalogue). */
type PinInputName = { [K in ArgumentName]: (typeof ARGUMENTS)[K]["pin"] extends "absent" ? never : K }[ArgumentName];

export interface LatestCompletedBackupArgs extends Inputs<Pick<GetInstanceBackupsArgs, PinInputName>> {
  /** Arbitrary strings; changing any of them pins the newest COMPLETED backup anew. */
  keepers?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * When a refresh finds the pinned backup expired or no longer COMPLETED: `"keep"` (default) keeps
   * `backupId`, sets `available` to false and logs a warning, so nothing downstream changes;
   * `"repin"` pins the newest COMPLETED backup on the next update; `"fail"` stops the next update
   * with an error until a keeper changes.
   */
  onExpired?: pulumi.Input<OnExpired>;
}

/**
 * The newest COMPLETED backup, chosen once and then pinned (like `keepers` in the random provider)
 * until the instance, a filter or a keeper changes. A refresh checks the pinned backup still exists
 * and is COMPLETED; `onExpired` says what happens when it is not.
 */
export class LatestCompletedBackup extends pulumi.dynamic.Resource {
  /** The instance whose backup is pinned. */
  declare readonly instanceId: pulumi.Output<string>;
  /** The project, as given or as found through IAM. */
  declare readonly projectId: pulumi.Output<string>;
  /** Id of the pinned backup. */
  declare readonly backupId: pulumi.Output<string>;
  /** The pinned backup, as last read. */
  declare readonly backup: pulumi.Output<Backup>;
  /** When the backup was pinned (ISO 8601, UTC). */
  declare readonly resolvedAt: pulumi.Output<string>;
  /** The keepers the backup was pinned with. */
  declare readonly keepers: pulumi.Output<Record<string, string> | undefined>;
  /** False once a refresh found the pinned backup expired or no longer COMPLETED (with `onExpired: "keep"`). */
  declare readonly available: pulumi.Output<boolean>;
  /** When a refresh first found the pinned backup unavailable (ISO 8601, UTC); undefined while it is available. */
  declare readonly missingSince: pulumi.Output<string | undefined>;

  constructor(name: string, args: LatestCompletedBackupArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      ...secretCredentials(args),
      ...outputsToCome(LATEST_COMPLETED_BACKUP_COMPUTED),
      projectId: args.projectId,
      keepers: args.keepers,
    };
    super(
      serializedProvider("latestCompletedBackup", LATEST_COMPLETED_BACKUP_METHODS),
      name,
      props,
      opts,
      "taurusdb",
      "LatestCompletedBackup",
    );
  }
}

/** Every output the state holds is declared above, but the inputs it keeps. */
export type LatestCompletedBackupOutputsDeclared = NoneOf<
  Exclude<keyof LatestCompletedBackupState, "inputs" | keyof LatestCompletedBackup>
>;
