/**
 * `InstanceBackups`: the live backup list of an instance as a resource. It is read (never created)
 * on every preview, update and refresh, so its outputs are known during `pulumi preview` and always
 * current; destroying it deletes nothing in the cloud.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Inputs } from "../pulumi/inputs";
import type { Backup, GetInstanceBackupsArgs } from "../types";
import { secretCredentials } from "../dynamic/secretCredentials";
import { serializedProvider } from "../dynamic/serializedProvider";
import { INSTANCE_BACKUPS_METHODS } from "./instanceBackupsProvider";

export interface InstanceBackupsArgs extends Inputs<GetInstanceBackupsArgs> {
  /**
   * Keep the state small: store `totalCount` and the newest COMPLETED backup, with `backups` left
   * empty. For instances with thousands of backups.
   */
  summaryOnly?: pulumi.Input<boolean>;
}

export class InstanceBackups extends pulumi.dynamic.Resource {
  declare readonly instanceId: pulumi.Output<string>;
  declare readonly projectId: pulumi.Output<string>;
  /** How many backups the API listed, before the local filters. */
  declare readonly totalCount: pulumi.Output<number>;
  /** Backups that pass the filters (empty when `summaryOnly`). */
  declare readonly backups: pulumi.Output<Backup[]>;
  declare readonly latestCompletedBackupId: pulumi.Output<string | undefined>;
  declare readonly latestCompletedBackup: pulumi.Output<Backup | undefined>;

  constructor(name: string, args: InstanceBackupsArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      ...secretCredentials(args),
      projectId: args.projectId,
      totalCount: undefined,
      backups: undefined,
      latestCompletedBackupId: undefined,
      latestCompletedBackup: undefined,
    };
    // Registered with an id: the engine reads it instead of creating it.
    super(
      serializedProvider("instanceBackups", INSTANCE_BACKUPS_METHODS),
      name,
      props,
      { ...opts, id: args.instanceId },
      "taurusdb",
      "InstanceBackups",
    );
  }
}
