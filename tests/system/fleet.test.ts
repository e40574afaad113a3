/**
 * A platform stack's fleet: a hundred instances listed at once by one process, against one
 * account's throttle. Every listing shares the account's budget, so they succeed together, with
 * few 429s and close to the throttle's floor, and throttling prints no warning.
 */
import { performance } from "node:perf_hooks";
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { listInstanceBackups } from "../../provider/listing";
import { ARGUMENTS_ONLY, argsFor } from "../support/emulator";

jest.setTimeout(120_000);

const INSTANCES = 100;
const BACKUPS = 300;
const RATE = 20;

let emulator: RunningEmulator;
let instanceIds: string[];
beforeAll(async () => {
  emulator = await startEmulator({ backups: BACKUPS, seed: 1 });
  instanceIds = [
    emulator.instanceId,
    ...Array.from({ length: INSTANCES - 1 }, (_, i) => emulator.control.addInstance({ backups: BACKUPS, seed: i + 2 })),
  ];
});
afterAll(() => emulator.close());

test(`${INSTANCES} instances x ${BACKUPS} backups at once under ${RATE} req/s: all succeed, at most 10% 429s, within 1.3x the floor, no warning`, async () => {
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
  process.on("warning", onWarning);
  emulator.control.setRateLimit({ requestsPerSecond: RATE });
  emulator.control.resetStats();
  try {
    const started = performance.now();
    const results = await Promise.allSettled(
      instanceIds.map((instanceId) => listInstanceBackups(argsFor(emulator, { instanceId }), ARGUMENTS_ONLY)),
    );
    const wallMs = performance.now() - started;

    const failures = results.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
    expect(failures).toEqual([]);
    for (const result of results) expect(result.status === "fulfilled" && result.value.backups.length).toBe(BACKUPS);

    const { requests, rateLimited } = emulator.control.stats();
    const pages = INSTANCES * Math.ceil(BACKUPS / 100);
    const floorMs = (pages / RATE) * 1000;
    console.log(
      `fleet: ${requests} requests for ${pages} pages, ${rateLimited} answered 429 (${((100 * rateLimited) / requests).toFixed(1)}%), ${Math.round(wallMs)} ms (floor ${floorMs} ms, ${(wallMs / floorMs).toFixed(2)}x)`,
    );
    expect(rateLimited / requests).toBeLessThanOrEqual(0.1);
    expect(wallMs).toBeLessThanOrEqual(1.3 * floorMs);
    await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    expect(warnings).toEqual([]);
  } finally {
    process.off("warning", onWarning);
    emulator.control.setRateLimit(undefined);
  }
});
