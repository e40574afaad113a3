/** Test helpers: a running emulator per test, and listing arguments that reach it. */
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../provider/emulator";
import { listInstanceBackups, type ListingRuntime } from "../../provider/listing";
import type { GetInstanceBackupsArgs, GetInstanceBackupsResult } from "../../provider/types";

/** Starts an emulator for the test and closes it afterwards, whatever happens. */
export async function withEmulator<T>(options: EmulatorOptions, test: (emulator: RunningEmulator) => Promise<T>): Promise<T> {
  const emulator = await startEmulator(options);
  try {
    return await test(emulator);
  } finally {
    await emulator.close();
  }
}

/** Arguments that list the emulator's default instance with its AK/SK pair. */
export function argsFor(emulator: RunningEmulator, overrides: Partial<GetInstanceBackupsArgs> = {}): GetInstanceBackupsArgs {
  return {
    instanceId: emulator.instanceId,
    projectId: emulator.projectId,
    endpoint: emulator.url,
    accessKey: emulator.credentials.accessKey,
    secretKey: emulator.credentials.secretKey,
    ...overrides,
  };
}

/** Arguments that restore the newest COMPLETED backup of the emulator's default instance into `target`, with its AK/SK pair. */
export function restoreArgsFor(
  emulator: RunningEmulator,
  target: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    sourceInstanceId: emulator.instanceId,
    targetInstanceId: target,
    backupId: emulator.control.backups().find((b) => b.status === "COMPLETED")!.id,
    endpoint: emulator.url,
    projectId: emulator.projectId,
    accessKey: emulator.credentials.accessKey,
    secretKey: emulator.credentials.secretKey,
    ...overrides,
  };
}

/** No stack config, no environment: only the arguments count. */
export const ARGUMENTS_ONLY: ListingRuntime = { sources: { stackConfig: () => undefined, env: {} } };

/**
 * Retries after a few milliseconds instead of hundreds, and rescans after the shortest pause the
 * jitter allows (an eighth of a second before the second scan), so fault tests run quickly.
 */
export const FAST_RETRIES: ListingRuntime = { ...ARGUMENTS_ONLY, backoff: { baseDelayMs: 2, maxDelayMs: 20 }, random: () => 0 };

export function list(args: GetInstanceBackupsArgs, runtime: ListingRuntime = FAST_RETRIES): Promise<GetInstanceBackupsResult> {
  return listInstanceBackups(args, runtime);
}

/** The rejection of a promise, or a failure when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection, but the promise resolved");
}

/** Resolves once `condition` holds, looking every 20 ms (the test's own timeout bounds it). */
export async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}
