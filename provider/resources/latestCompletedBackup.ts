/**
 * `LatestCompletedBackup`: the newest COMPLETED backup, chosen once and then pinned, like `keepers`
 * in `@pulumi/random`. Later updates keep the same backup even when newer ones complete, until the
 * instance, a filter or a keeper changes; then it resolves again. `pulumi refresh` checks that the
 * pinned backup still exists and is COMPLETED; when it is gone, the next update resolves a new one.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Backup, BackupQueryArgs, ConnectionArgs, Inputs, TransportArgs } from "../types";
import { secretCredentials } from "./secretCredentials";
import { serializedProvider } from "./serializedProvider";

type ChoiceArgs = Pick<BackupQueryArgs, "instanceId" | "backupTypes" | "createdAfter" | "createdBefore" | "filterField" | "filterContent" | "pageSize">;

export interface LatestCompletedBackupArgs extends Inputs<ChoiceArgs & ConnectionArgs & TransportArgs> {
  /** Arbitrary strings; changing any of them resolves the newest COMPLETED backup again. */
  keepers?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

export class LatestCompletedBackup extends pulumi.dynamic.Resource {
  declare readonly instanceId: pulumi.Output<string>;
  declare readonly projectId: pulumi.Output<string>;
  /** Id of the pinned backup. */
  declare readonly backupId: pulumi.Output<string>;
  /** The pinned backup, as last read. */
  declare readonly backup: pulumi.Output<Backup>;
  /** When the backup was chosen (ISO 8601, UTC). */
  declare readonly resolvedAt: pulumi.Output<string>;
  declare readonly keepers: pulumi.Output<Record<string, string> | undefined>;

  constructor(name: string, args: LatestCompletedBackupArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      ...secretCredentials(args),
      projectId: args.projectId,
      keepers: args.keepers,
      backupId: undefined,
      backup: undefined,
      resolvedAt: undefined,
    };
    super(serializedProvider("latestCompletedBackup"), name, props, opts, "taurusdb", "LatestCompletedBackup");
  }
}
