/**
 * Progress of a listing through Pulumi's log when a Pulumi engine is listening, quiet otherwise
 * (plain Node.js scripts and tests). Page progress is ephemeral: it shows while the listing runs
 * and does not pile up in the final diagnostics.
 */
import * as pulumi from "@pulumi/pulumi";
import { progressText, silentReporter, type ProgressReporter } from "../reporting";

/**
 * Reports through `pulumi.log`, attached to `resource` when given, inside a Pulumi program (one run
 * by the engine, or by Pulumi's mocks in unit tests). Silent in plain Node.js.
 */
export function pulumiReporter(resource?: pulumi.Resource): ProgressReporter {
  if (!pulumi.runtime.hasEngine() && !pulumi.runtime.hasMonitor()) return silentReporter;
  const ignore = () => undefined;
  return {
    page(instanceId, progress) {
      pulumi.log.info(progressText.page(instanceId, progress), resource, undefined, true).catch(ignore);
    },
    retry(instanceId, event) {
      pulumi.log.debug(progressText.retry(instanceId, event), resource).catch(ignore);
    },
    rescan(instanceId, scan, reason) {
      pulumi.log.warn(progressText.rescan(instanceId, scan, reason), resource).catch(ignore);
    },
    done(instanceId, summary) {
      pulumi.log.info(progressText.done(instanceId, summary), resource).catch(ignore);
    },
  };
}
