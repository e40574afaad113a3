/**
 * `InstanceRestore`: a restore into an existing TaurusDB instance, from a backup or a point in
 * time, done once and then kept as a record — a new restore only when the source, the target, the
 * backup, the time or a keeper changes. See ./instanceRestoreProvider.ts.
 */
import * as pulumi from "@pulumi/pulumi";
import { RESTORE_SECRET_NAMES } from "./arguments";
import type { Inputs } from "../pulumi/inputs";
import type { ConnectionArgs, RestoreArgs, RestoreType, TransportArgs } from "../types";
import { secretCredentials } from "../dynamic/secretCredentials";
import { serializedProvider } from "../dynamic/serializedProvider";
import { INSTANCE_RESTORE_METHODS } from "./instanceRestoreProvider";
import { INSTANCE_RESTORE_COMPUTED, type InstanceRestoreState } from "./state";
import type { NoneOf } from "../arguments/define";
import { outputsToCome } from "../dynamic/outputsToCome";

/** The restore's arguments, with the connection, credential and transport settings of the listing. */
export type InstanceRestoreArgs = Omit<Inputs<RestoreArgs & ConnectionArgs & TransportArgs>, "keepers"> & {
  /**
   * Arbitrary strings; changing any of them restores again, even the same backup (say, the keeper
   * that pins the backup, so that bumping it always refreshes the target).
   */
  keepers?: pulumi.Input<Record<string, pulumi.Input<string>>>;
};

/**
 * A restore into an existing TaurusDB instance, from a COMPLETED backup or a point in time, signed
 * and retried like the listing. It waits for the target to be ACTIVE, waits out "another operation
 * is in progress" answers, follows the restore job to its end (logging progress at least every
 * minute) within `restoreTimeout`, and then sets the target's admin password if one is given. It
 * restores again only when the source, target, type, backup, time or a keeper changes — never on a refresh
 * or a change of settings or credentials. Deleting it forgets the record; nothing is restored back.
 */
export class InstanceRestore extends pulumi.dynamic.Resource {
  /** The instance restored from. */
  declare readonly sourceInstanceId: pulumi.Output<string>;
  /** The instance restored into. */
  declare readonly targetInstanceId: pulumi.Output<string>;
  /** `backup` or `timestamp`. */
  declare readonly type: pulumi.Output<RestoreType>;
  /** The backup restored, for type `backup`. */
  declare readonly backupId: pulumi.Output<string | undefined>;
  /** The instant restored, as given, for type `timestamp`. */
  declare readonly restoreTime: pulumi.Output<string | undefined>;
  /** The keepers the restore was made with. */
  declare readonly keepers: pulumi.Output<Record<string, string> | undefined>;
  /** The project, as given or as found through IAM. */
  declare readonly projectId: pulumi.Output<string>;
  /** The restore job's id (also this resource's id). */
  declare readonly jobId: pulumi.Output<string>;
  /** `Completed`; or, for a restore recorded as under way, the job's last status seen (`Pending`, `Running`), or `Failed`. */
  declare readonly jobStatus: pulumi.Output<string>;
  /** When the restore job started (ISO 8601, UTC). */
  declare readonly startedAt: pulumi.Output<string>;
  /** When the restore job completed (ISO 8601, UTC); undefined while it is under way. */
  declare readonly completedAt: pulumi.Output<string | undefined>;
  /** When this resource last set the target's admin password (ISO 8601, UTC); undefined if it never did. */
  declare readonly adminPasswordSetAt: pulumi.Output<string | undefined>;

  constructor(name: string, args: InstanceRestoreArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      ...secretCredentials(args, RESTORE_SECRET_NAMES),
      ...outputsToCome(INSTANCE_RESTORE_COMPUTED),
      projectId: args.projectId,
    };
    const secretOutputs = [...RESTORE_SECRET_NAMES, ...(opts?.additionalSecretOutputs ?? [])];
    super(
      serializedProvider("instanceRestore", INSTANCE_RESTORE_METHODS),
      name,
      props,
      { ...opts, additionalSecretOutputs: secretOutputs },
      "taurusdb",
      "InstanceRestore",
    );
  }
}

/** Every output the record holds is declared above, but the inputs it keeps and the password it hides. */
export type InstanceRestoreOutputsDeclared = NoneOf<
  Exclude<keyof InstanceRestoreState, "inputs" | "adminPassword" | keyof InstanceRestore>
>;
