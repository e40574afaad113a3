/**
 * One measurement, in a process of its own so that its memory and CPU are the client's alone (the
 * emulator runs in the parent). Reads a JSON job from argv, prints a JSON result on stdout.
 *
 * Each measurement follows one warm-up of the same code on a small instance: loading modules (the
 * Pulumi SDK loads parts of itself lazily) and compiling hot functions are one-time costs of a
 * process, not of paging or typing; the warm-up's own cost is reported as `warmUpMs`.
 */
import { getInstanceBackups } from "../provider";
import type { JsonResponse } from "../provider/http/client";
import { typePage } from "../provider/backups/typePage";
import { listSequentially, sequentialPages, type Target } from "./sequentialBaseline";

export type Job = { mode: "package" | "sequential" | "typing" | "fleet"; target: Target; warmUp: Target; fleet?: Target[] };

export interface Measurement {
  readonly wallMs: number;
  readonly backups: number;
  readonly peakRssGrowthMb: number;
  /** CPU (user + system) of the measured part. */
  readonly cpuMs: number;
  readonly error?: string;
  /** Wall time of the warm-up. */
  readonly warmUpMs?: number;
}

async function measure(work: () => Promise<number>): Promise<Measurement> {
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 2);
  const cpu = process.cpuUsage();
  const started = performance.now();
  let backups = 0;
  let error: string | undefined;
  try {
    backups = await work();
  } catch (e) {
    error = (e as Error).message;
  }
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  return {
    wallMs: Math.round(wallMs),
    backups,
    peakRssGrowthMb: Math.round(((peak - rssBefore) / 1024 / 1024) * 10) / 10,
    cpuMs: Math.round((used.user + used.system) / 1000),
    ...(error ? { error } : {}),
  };
}

async function run(job: Job): Promise<Measurement> {
  const started = performance.now();
  const [warmUp, measured] = await perform(job);
  await warmUp();
  const warmUpMs = Math.round(performance.now() - started);
  return { ...(await measure(measured)), warmUpMs };
}

/** The warm-up and the measured work of a job, each resolving to the number of backups handled. */
async function perform(job: Job): Promise<[() => Promise<unknown>, () => Promise<number>]> {
  const listWithPackage =
    ({ url, ...idsAndKeys }: Target) =>
    async () =>
      (await getInstanceBackups({ ...idsAndKeys, endpoint: url })).backups.length;
  const listSequentiallyFrom = (target: Target) => async () => (await listSequentially(target)).length;
  // fleet: every instance at once, as a platform stack's program does; one failure fails the measurement.
  if (job.mode === "fleet")
    return [
      listWithPackage(job.warmUp),
      async () => (await Promise.all(job.fleet!.map((t) => listWithPackage(t)()))).reduce((a, b) => a + b, 0),
    ];
  if (job.mode === "package") return [listWithPackage(job.warmUp), listWithPackage(job.target)];
  if (job.mode === "sequential") return [listSequentiallyFrom(job.warmUp), listSequentiallyFrom(job.target)];
  // typing: fetch every raw page first, then measure only turning them into typed backups.
  const pages: JsonResponse[] = [];
  for await (const page of sequentialPages(job.target)) pages.push(page);
  const typeAll = (some: JsonResponse[]) => async () => some.reduce((count, page) => count + typePage(page).backups.length, 0);
  return [typeAll(pages.slice(0, 10)), typeAll(pages)];
}

run(JSON.parse(process.argv[2]) as Job).then(
  (result) => {
    process.stdout.write(JSON.stringify(result));
    process.exit(0);
  },
  (error: Error) => {
    process.stderr.write(error.message);
    process.exit(1);
  },
);
