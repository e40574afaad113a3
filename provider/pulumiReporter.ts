/**
 * Progress of a listing through Pulumi's log when a Pulumi engine is listening, quiet otherwise
 * (plain Node.js scripts and tests). Page progress is ephemeral: it shows while the listing runs
 * and does not pile up in the final diagnostics.
 */
import * as pulumi from "@pulumi/pulumi";
import { silentReporter, type ProgressReporter } from "./reporting";

/**
 * Reports through `pulumi.log`, attached to `resource` when given, inside a Pulumi program (one run
 * by the engine, or by Pulumi's mocks in unit tests). Silent in plain Node.js.
 */
export function pulumiReporter(resource?: pulumi.Resource): ProgressReporter {
  if (!pulumi.runtime.hasEngine() && !pulumi.runtime.hasMonitor()) return silentReporter;
  const ignore = () => undefined;
  return {
    page(instanceId, p) {
      const message = `${instanceId}: fetched page ${p.pagesFetched}/${p.pages} (${p.backupsFetched} of ${p.totalCount} backups)`;
      pulumi.log.info(message, resource, undefined, true).catch(ignore);
    },
    retry(instanceId, e) {
      pulumi.log.debug(`${instanceId}: attempt ${e.attempt} failed (${e.reason}); retrying in ${e.delayMs} ms`, resource).catch(ignore);
    },
    rescan(instanceId, scan, reason) {
      pulumi.log.warn(`${instanceId}: the backup list changed while paging (${reason}); scanning again (scan ${scan})`, resource).catch(ignore);
    },
    done(instanceId, s) {
      const latest = s.latestCompletedBackupId ? `newest COMPLETED ${s.latestCompletedBackupId}` : "no COMPLETED backup";
      pulumi.log.info(`${instanceId}: listed ${s.backups} backups in ${s.pages} page(s), ${s.scans} scan(s); ${latest}`, resource).catch(ignore);
    },
  };
}
