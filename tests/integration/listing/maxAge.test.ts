/**
 * The recovery-point guard on both forms of the data function, over real HTTP against an emulator
 * whose newest backup is three days old, and the duration form it accepts.
 */
import type * as pulumi from "@pulumi/pulumi";
import { BackupTooOldError, InvalidArgumentsError, NoCompletedBackupError } from "../../../provider/errors";
import { formatAge, parseDuration } from "../../../provider/arguments/duration";
import { startEmulator, type RunningEmulator } from "../../../provider/emulator";
import { argsFor, rejectionOf } from "../../support/emulator";

const DAY = 86_400_000;
/** The public functions load Pulumi's SDK; loaded when a test needs them (mutation runs skip most tests). */
const publicApi = () => import("../../../provider");
const getInstanceBackups: typeof import("../../../provider").getInstanceBackups = async (...args: unknown[]) =>
  ((await publicApi()).getInstanceBackups as (...a: unknown[]) => Promise<never>)(...args);
let emulator: RunningEmulator;
let newest: { id: string; createdAt: number };

beforeAll(async () => {
  emulator = await startEmulator({ backups: 40, seed: 9, timeZone: "UTC+00:00", now: () => Date.now() - 3 * DAY });
  const wire = emulator.control.backups().find((b) => b.status === "COMPLETED")!;
  newest = { id: wire.id, createdAt: Date.parse(`${wire.created.replace(" ", "T")}Z`) };
});
afterAll(() => emulator.close());

/**
 * The plain value of an Output outside a Pulumi program (no engine, no mocks: the real listing
 * runs). Every promise the Output holds is awaited, so a failure is not also left unhandled.
 */
async function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  const impl = output as unknown as { isKnown: Promise<boolean>; isSecret: Promise<boolean>; promise(): Promise<T> };
  const [, , value] = await Promise.allSettled([impl.isKnown, impl.isSecret, impl.promise()]);
  if (value.status === "rejected") throw value.reason;
  return value.value;
}

describe("maxAge", () => {
  test("getInstanceBackups: a newest COMPLETED backup younger than maxAge passes and is returned", async () => {
    const result = await getInstanceBackups({ ...argsFor(emulator), maxAge: "7d" });
    const id: string = result.latestCompletedBackupId; // typed as present: maxAge requires it
    expect(id).toBe(newest.id);
  });

  test("getInstanceBackups: an older one fails, naming the backup, its age and the limit", async () => {
    const error = await rejectionOf(getInstanceBackups({ ...argsFor(emulator), maxAge: "2d12h" }));
    expect(error).toBeInstanceOf(BackupTooOldError);
    const ageMs = (error as BackupTooOldError).ageMs;
    expect(ageMs).toBeGreaterThan(Date.now() - newest.createdAt - 60_000);
    expect(error.message).toContain(`The newest COMPLETED backup of instance ${emulator.instanceId}, ${newest.id}`);
    expect(error.message).toContain(`is ${formatAge(ageMs)} old, older than maxAge 2d12h`);
  });

  test("getInstanceBackupsOutput: the same guard, and the same result when it passes", async () => {
    const { getInstanceBackupsOutput } = await publicApi();
    const { output } = await import("@pulumi/pulumi");
    await expect(valueOf(getInstanceBackupsOutput({ ...argsFor(emulator), maxAge: output("7d") }))).resolves.toMatchObject({
      latestCompletedBackupId: newest.id,
    });
    await expect(valueOf(getInstanceBackupsOutput({ ...argsFor(emulator), maxAge: "1d" }))).rejects.toBeInstanceOf(BackupTooOldError);
  });

  test("with filters that leave no COMPLETED backup, maxAge fails as requireLatestCompleted does", async () => {
    const error = await rejectionOf(getInstanceBackups({ ...argsFor(emulator), maxAge: "30d", statuses: ["FAILED", "BUILDING"] }));
    expect(error).toBeInstanceOf(NoCompletedBackupError);
  });

  test.each(["", "26", "h", "1h1d", "-1d", "1.5d", "1w", "0m", "0d0h"])(
    "%p is refused before any request, saying what is allowed",
    async (maxAge) => {
      emulator.control.resetStats();
      const error = await rejectionOf(getInstanceBackups({ ...argsFor(emulator), maxAge }));
      expect(error).toBeInstanceOf(InvalidArgumentsError);
      expect(error.message).toMatch(/maxAge: must be (a duration such as "26h", "7d" or "1d12h" \(units d, h, m\)|longer than zero)/);
      expect(emulator.control.stats().requests).toBe(0);
    },
  );
});

describe("durations", () => {
  test.each([
    ["26h", 26 * 3_600_000],
    ["7d", 7 * DAY],
    ["1d12h", 36 * 3_600_000],
    ["90m", 5_400_000],
    ["1d2h3m", DAY + 2 * 3_600_000 + 180_000],
  ])("%s is %i ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  test.each([
    [59_999, "0m"],
    [12 * 60_000, "12m"],
    [26 * 3_600_000 + 5 * 60_000, "1d 2h"],
    [3 * DAY, "3d"],
    [2 * 3_600_000 + 60_000, "2h 1m"],
    [5 * 3_600_000, "5h"],
  ])("an age of %i ms reads %p", (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });
});
