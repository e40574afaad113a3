/**
 * The data function pair, shaped like Pulumi's generated SDK functions: a plain `Promise` form and
 * an `Output` form that takes `Input`s. Under Pulumi's mocks (unit tests of a program), both are
 * answered by the mocks' `call` with the token {@link GET_INSTANCE_BACKUPS_TOKEN}, as the functions
 * of Pulumi's own providers are, and send no request.
 */
import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { SECRET_NAMES } from "../arguments/catalogue";
import { listInstanceBackups } from "../listing";
import type { GetInstanceBackupsOutputArgs } from "./inputs";
import { pulumiReporter } from "./pulumiReporter";
import { defaultSources } from "./stackConfig";
import type { GetInstanceBackupsArgs, GetInstanceBackupsResult, GetInstanceBackupsResultWithLatest } from "../types";

/** The function's token, as the `taurusdb` plugin serves it and as Pulumi's mocks see it. */
export const GET_INSTANCE_BACKUPS_TOKEN = "taurusdb:index:getInstanceBackups";

/** Arguments that make the newest COMPLETED backup required, so the result always has it. */
type RequiresLatest = { requireLatestCompleted: true } | { maxAge: string };
type RequiresLatestInputs = { requireLatestCompleted: true } | { maxAge: pulumi.Input<string> };

/**
 * Lists every full backup of a TaurusDB instance and picks the newest COMPLETED one.
 *
 * Works inside a Pulumi program (settings fall back to stack config `taurusdb:*`, then
 * `huaweicloud:*`; progress goes to Pulumi's log, attached to `opts.parent`) and from plain
 * Node.js with explicit arguments or the usual Huawei Cloud environment variables.
 */
export function getInstanceBackups(
  args: GetInstanceBackupsArgs & RequiresLatest,
  opts?: pulumi.InvokeOptions,
): Promise<GetInstanceBackupsResultWithLatest>;
export function getInstanceBackups(args: GetInstanceBackupsArgs, opts?: pulumi.InvokeOptions): Promise<GetInstanceBackupsResult>;
export function getInstanceBackups(args: GetInstanceBackupsArgs, opts?: pulumi.InvokeOptions): Promise<GetInstanceBackupsResult> {
  if (pulumi.runtime.getMonitor() instanceof MockMonitor) {
    const withoutSecrets = Object.fromEntries(Object.entries(args).filter(([key, value]) => value !== undefined && !SECRET_NAMES.has(key)));
    return pulumi.runtime.invoke(GET_INSTANCE_BACKUPS_TOKEN, withoutSecrets, opts);
  }
  return listInstanceBackups(args, { sources: defaultSources(), reporter: pulumiReporter(opts?.parent) });
}

/**
 * {@link getInstanceBackups} for `Input`s. Like Pulumi's own invoke outputs: the result is secret
 * when any input is secret; during preview it is unknown while an input or a `dependsOn` resource
 * is unknown, and the API is not called with placeholders; it waits for `dependsOn` resources.
 */
export function getInstanceBackupsOutput(
  args: GetInstanceBackupsOutputArgs & RequiresLatestInputs,
  opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<GetInstanceBackupsResultWithLatest>;
export function getInstanceBackupsOutput(
  args: GetInstanceBackupsOutputArgs,
  opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<GetInstanceBackupsResult>;
export function getInstanceBackupsOutput(
  args: GetInstanceBackupsOutputArgs,
  opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<GetInstanceBackupsResult> {
  const { dependsOn, ...invokeOptions } = opts ?? {};
  return pulumi
    .all([pulumi.output(args), dependenciesReady(dependsOn)])
    .apply(([plain]) => getInstanceBackups(plain as GetInstanceBackupsArgs, invokeOptions));
}

/**
 * Resolves once every `dependsOn` resource is ready, and carries them as dependencies: the id of a
 * custom resource (unknown while it is being created during preview), the URN of any other.
 */
function dependenciesReady(dependsOn: pulumi.InvokeOutputOptions["dependsOn"]): pulumi.Output<unknown[]> {
  if (dependsOn === undefined) return pulumi.output([]);
  return pulumi.output(dependsOn as pulumi.Input<pulumi.Resource | pulumi.Resource[]>).apply((resolved) => {
    const resources = (Array.isArray(resolved) ? resolved : [resolved]) as pulumi.Resource[];
    return pulumi.all(resources.map((r) => (pulumi.CustomResource.isInstance(r) ? r.id : r.urn)));
  });
}
