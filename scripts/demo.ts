/**
 * `npm run demo`: the package end to end on a fresh machine, no cloud account needed.
 *
 * Starts the emulator with a realistic instance, runs a stack through the real Pulumi engine (the
 * data function, a live InstanceBackups and a pinned LatestCompletedBackup), shows what was read,
 * lets a newer backup complete and updates again (live moves, pinned stays), then cleans up.
 */
import { getInstanceBackupsOutput, InstanceBackups, LatestCompletedBackup } from "../provider";
import { startEmulator, type RunningEmulator } from "../provider/emulator";
import { createLocalStack, emulatorConfig } from "./localStack";

const BACKUPS = 1234;
const PAGE_SIZE = 100;

async function main(): Promise<void> {
  step("Starting the TaurusDB emulator");
  const emulator = await startEmulator({ backups: BACKUPS, seed: 2026, latencyMs: 25 });
  console.log(`  ${emulator.url}  project ${emulator.projectId}  instance ${emulator.instanceId}`);
  console.log(`  ${BACKUPS} backups over ${spanDays(emulator)} days, ${emulator.control.backups().filter((b) => b.status === "COMPLETED").length} COMPLETED, newest: ${emulator.control.backups()[0].status}`);

  step("Preparing a Pulumi stack (real engine, local state, no network)");
  const { instanceId } = emulator;
  const local = await createLocalStack({
    project: "taurusdb-demo",
    program: async () => {
      const listing = getInstanceBackupsOutput({ instanceId, pageSize: PAGE_SIZE });
      const live = new InstanceBackups("live", { instanceId, summaryOnly: true });
      const pinned = new LatestCompletedBackup("pinned", { instanceId, keepers: { restore: "2026-11" } });
      return {
        backupsListed: listing.totalCount,
        newestCompletedBackupId: listing.latestCompletedBackupId,
        newestCompletedAt: listing.apply((result) => result.latestCompletedBackup?.createdAt),
        liveNewestCompletedBackupId: live.latestCompletedBackupId,
        pinnedBackupId: pinned.backupId,
        pinnedAt: pinned.resolvedAt,
      };
    },
    config: emulatorConfig(emulator),
  });
  console.log(`  engine: pulumi v${local.engine.version} (${local.engine.source})`);

  try {
    step("pulumi up");
    const first = await update(local.stack, emulator);
    const outputs = first.outputs;
    const pages = Math.ceil(BACKUPS / PAGE_SIZE);
    console.log(`  pages read:       ${first.requests} requests: ${first.requests / pages} listings (data function, live, pinned) x ${pages} pages of ${PAGE_SIZE}, no trailing empty page`);
    console.log(`  backups read:     ${outputs.backupsListed}`);
    console.log(`  newest COMPLETED: ${outputs.newestCompletedBackupId} (created ${outputs.newestCompletedAt})`);
    console.log(`  pinned:           ${outputs.pinnedBackupId} (chosen ${outputs.pinnedAt})`);

    step("A newer backup completes; pulumi up again");
    const added = emulator.control.addBackup();
    emulator.control.completeBackup(added.id);
    console.log(`  the emulator completed ${added.id}`);
    const second = await update(local.stack, emulator);
    console.log(`  live newest COMPLETED: ${second.outputs.liveNewestCompletedBackupId}  (moved)`);
    console.log(`  pinned:                ${second.outputs.pinnedBackupId}  (kept: change a keeper to move it)`);

    step("Stack outputs");
    for (const [name, value] of Object.entries(second.outputs)) console.log(`  ${name.padEnd(28)} ${value}`);

    step("pulumi destroy (deletes nothing in the cloud)");
    await local.stack.destroy({ onOutput: () => undefined });
    console.log(`  backups still in the emulator: ${emulator.control.backups().length}`);
  } finally {
    await local.dispose();
    await emulator.close();
  }
  step("Done: emulator stopped, stack and workspace removed");
}

async function update(stack: import("@pulumi/pulumi/automation").Stack, emulator: RunningEmulator) {
  const before = emulator.control.stats().byRoute.backups;
  const started = Date.now();
  const result = await stack.up({ onOutput: () => undefined });
  const outputs = Object.fromEntries(Object.entries(result.outputs).map(([k, v]) => [k, v.value]));
  console.log(`  ${result.summary.result} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { outputs, requests: emulator.control.stats().byRoute.backups - before };
}

function spanDays(emulator: RunningEmulator): number {
  const backups = emulator.control.backups();
  const newest = Date.parse(backups[0].created.replace(" ", "T"));
  const oldest = Date.parse(backups[backups.length - 1].created.replace(" ", "T"));
  return Math.round((newest - oldest) / 86_400_000);
}

function step(title: string): void {
  console.log(`\n== ${title}`);
}

main().catch((error: Error) => {
  console.error(`\ndemo failed: ${error.message}`);
  process.exit(1);
});
