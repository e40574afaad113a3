/**
 * `npm run demo`: the package end to end on a fresh machine, no cloud account needed.
 *
 * Starts the emulator with a realistic production instance and an empty staging one, runs a stack
 * through the real Pulumi engine (the data function, a live InstanceBackups, a pinned
 * LatestCompletedBackup and an InstanceRestore of it into staging), shows what was read and
 * restored, then what platform teams rely on: a newer backup completing moves the live id but
 * restores nothing; the CI drift gate (`preview --expect-no-changes`) passes; retention expiring
 * the pinned backup, found by a refresh, restores nothing either; a keeper bump restores again.
 * Then it cleans up.
 */
import { getInstanceBackupsOutput, InstanceBackups, InstanceRestore, LatestCompletedBackup } from "../provider";
import { startEmulator, type RunningEmulator } from "../provider/emulator";
import { provideEngine } from "../harness/engine";
import { createLocalStack, emulatorConfig } from "../harness/localStack";

const BACKUPS = 1234;
const PAGE_SIZE = 100;

async function main(): Promise<void> {
  step("Starting the TaurusDB emulator");
  const emulator = await startEmulator({ backups: BACKUPS, seed: 2026, latencyMs: 25 });
  console.log(`  ${emulator.url}  project ${emulator.projectId}  instance ${emulator.instanceId}`);
  console.log(
    `  ${BACKUPS} backups over ${spanDays(emulator)} days, ${emulator.control.backups().filter((b) => b.status === "COMPLETED").length} COMPLETED, newest: ${emulator.control.backups()[0].status}`,
  );

  const staging = emulator.control.addInstance({ backups: 0, name: "staging" });
  emulator.control.setRestoreDurations({ pendingMs: 300, runningMs: 2_000 });
  console.log(`  staging instance ${staging}, to restore into`);

  step("Preparing a Pulumi stack (real engine, local state, no network)");
  await provideEngine((line) => console.log(`  ${line}`));
  const { instanceId } = emulator;
  let generation = "1";
  const local = await createLocalStack({
    project: "taurusdb-demo",
    program: async () => {
      const keepers = { restoreGeneration: generation };
      const listing = getInstanceBackupsOutput({ instanceId, pageSize: PAGE_SIZE, requireLatestCompleted: true });
      const live = new InstanceBackups("live", { instanceId, summaryOnly: true });
      const pinned = new LatestCompletedBackup("pinned", { instanceId, keepers, maxAge: "2d" });
      const restore = new InstanceRestore("staging-restore", {
        sourceInstanceId: instanceId,
        targetInstanceId: staging,
        backupId: pinned.backupId,
        keepers,
        pollIntervalSeconds: 1,
      });
      return {
        backupsListed: listing.totalCount,
        newestCompletedBackupId: listing.latestCompletedBackupId,
        newestCompletedAt: listing.latestCompletedBackup.createdAt,
        liveNewestCompletedBackupId: live.latestCompletedBackupId,
        pinnedBackupId: pinned.backupId,
        pinnedAt: pinned.resolvedAt,
        pinnedAvailable: pinned.available,
        restoreJobId: restore.jobId,
        restoredAt: restore.completedAt,
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
    console.log(
      `  pages read:       ${first.requests} requests: ${first.requests / pages} listings x ${pages} pages of ${PAGE_SIZE}, no trailing empty page`,
    );
    console.log(
      `                    (the data function, the live resource, the pin's preview and choice, the restore's check of its backup)`,
    );
    console.log(`  backups read:     ${outputs.backupsListed}`);
    console.log(`  newest COMPLETED: ${outputs.newestCompletedBackupId} (created ${outputs.newestCompletedAt})`);
    console.log(`  pinned:           ${outputs.pinnedBackupId} (chosen ${outputs.pinnedAt})`);
    console.log(`  restored:         job ${outputs.restoreJobId} into staging, completed ${outputs.restoredAt}`);

    step("A newer backup completes; pulumi up again");
    const added = emulator.control.addBackup();
    emulator.control.completeBackup(added.id);
    console.log(`  the emulator completed ${added.id}`);
    const second = await update(local.stack, emulator);
    console.log(`  live newest COMPLETED: ${second.outputs.liveNewestCompletedBackupId}  (moved)`);
    console.log(`  pinned:                ${second.outputs.pinnedBackupId}  (kept: change a keeper to move it)`);
    console.log(`  restores into staging: ${emulator.control.restoreHistory(staging).length}  (none again)`);

    step("The CI drift gate: pulumi preview --expect-no-changes");
    await local.stack.preview({ expectNoChanges: true, onOutput: () => undefined });
    console.log("  no changes: settings from stack config never show as changes");

    step("Retention expires the pinned backup; pulumi refresh, then pulumi up");
    emulator.control.deleteBackup(second.outputs.pinnedBackupId as string);
    await local.stack.refresh({ onOutput: () => undefined });
    const third = await update(local.stack, emulator);
    console.log(
      `  pinned:                ${third.outputs.pinnedBackupId}  (kept, available: ${third.outputs.pinnedAvailable}; onExpired "keep")`,
    );
    console.log(`  restores into staging: ${emulator.control.restoreHistory(staging).length}  (none again)`);

    step("A keeper is bumped (restoreGeneration 2); pulumi up");
    generation = "2";
    const fourth = await update(local.stack, emulator);
    console.log(`  pinned:                ${fourth.outputs.pinnedBackupId}  (the newest COMPLETED now)`);
    console.log(
      `  restores into staging: ${emulator.control.restoreHistory(staging).length}  (restored again, job ${fourth.outputs.restoreJobId})`,
    );

    step("Stack outputs");
    for (const [name, value] of Object.entries(fourth.outputs)) console.log(`  ${name.padEnd(28)} ${value}`);

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
