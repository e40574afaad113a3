/**
 * Progress of a listing through Pulumi's log when a Pulumi engine is listening, quiet otherwise
 * (plain Node.js scripts and tests). Page progress is ephemeral: it shows while the listing runs
 * and does not pile up in the final diagnostics.
 */
import * as pulumi from "@pulumi/pulumi";
import { lineReporter, silentReporter, type ProgressLine, type ProgressReporter } from "../reporting";

/** `pulumi.log`'s function for each level, looked up when a line is written. */
const LOG_NAMES: Record<ProgressLine["severity"], "debug" | "info" | "warn"> = { debug: "debug", info: "info", warning: "warn" };

/**
 * Reports through `pulumi.log`, attached to `resource` when given, inside a Pulumi program (one run
 * by the engine, or by Pulumi's mocks in unit tests). Silent in plain Node.js.
 */
export function pulumiReporter(resource?: pulumi.Resource): ProgressReporter {
  if (!pulumi.runtime.hasEngine() && !pulumi.runtime.hasMonitor()) return silentReporter;
  const ignore = () => undefined;
  return lineReporter((line) => void pulumi.log[LOG_NAMES[line.severity]](line.message, resource, undefined, line.ephemeral).catch(ignore));
}
