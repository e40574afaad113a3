/**
 * The data function pair, shaped like Pulumi's generated SDK functions: a plain `Promise` form and
 * an `Output` form that takes `Input`s.
 */
import * as pulumi from "@pulumi/pulumi";
import { listInstanceBackups } from "./listing";
import { pulumiReporter } from "./reporting";
import { defaultSources } from "./settings/sources";
import type { GetInstanceBackupsArgs, GetInstanceBackupsOutputArgs, GetInstanceBackupsResult } from "./types";

/**
 * Lists every full backup of a TaurusDB instance and picks the newest COMPLETED one.
 *
 * Works inside a Pulumi program (settings fall back to stack config `taurusdb:*`, progress goes to
 * Pulumi's log, attached to `opts.parent`) and from plain Node.js with explicit arguments or the
 * usual Huawei Cloud environment variables.
 */
export function getInstanceBackups(args: GetInstanceBackupsArgs, opts?: pulumi.InvokeOptions): Promise<GetInstanceBackupsResult> {
  return listInstanceBackups(args, { sources: defaultSources(), reporter: pulumiReporter(opts?.parent) });
}

/**
 * {@link getInstanceBackups} for `Input`s. Like Pulumi's own invoke outputs: the result is secret
 * when any input is secret; during preview it is unknown while an input or a `dependsOn` resource
 * is unknown, and the API is not called with placeholders; it waits for `dependsOn` resources.
 */
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
