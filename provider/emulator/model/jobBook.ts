/**
 * Asynchronous jobs as the API reports them: `Pending`, then `Running` (with a progress percentage),
 * then `Completed` or `Failed`. Phases change on the emulator's timers, so `close()` cancels what is
 * left of a job instead of waiting for it. Times shown are the data clock's; durations are real.
 */
import { performance } from "node:perf_hooks";
import type { JobStatus } from "../../api/instanceRules";
import type { WireJob } from "../../api/instanceWire";
import type { Timers } from "./cancellableTimers";
import type { Random } from "./seededRandom";
import { formatOffsetTimestamp } from "./zonedTimestamps";

export interface JobDurations {
  /** Time spent `Pending` before the job runs. */
  readonly pendingMs: number;
  /** Time spent `Running`. */
  readonly runningMs: number;
}

/** The instance a job acts on, as the job shows it. */
export interface JobInstance {
  readonly id: string;
  readonly name: string;
  /** Minutes east of UTC, for `created` and `ended`. */
  readonly offsetMinutes: number;
}

export interface JobSpec<T> {
  readonly name: string;
  readonly instance: JobInstance;
  /** What the job does, for whoever started it (the API shows `entities`). */
  readonly detail: T;
  readonly entities: Readonly<Record<string, unknown>>;
  readonly durations: JobDurations;
  /** When set, the job ends `Failed` with this reason instead of `Completed`. */
  readonly failReason?: string;
  readonly onRunning?: () => void;
  readonly onEnded?: (job: Job<T>) => void;
}

export interface Job<T> {
  readonly id: string;
  readonly name: string;
  readonly instance: JobInstance;
  readonly detail: T;
  readonly entities: Readonly<Record<string, unknown>>;
  readonly status: JobStatus;
  /** Data-clock instants. */
  readonly createdAt: number;
  readonly endedAt?: number;
  readonly failReason?: string;
}

interface JobRecord<T> {
  readonly spec: JobSpec<T>;
  readonly id: string;
  readonly createdAt: number;
  status: JobStatus;
  /** Real-clock start of the run, for the progress percentage. */
  runningSince?: number;
  endedAt?: number;
}

/** The newest jobs kept; older ones are forgotten (the real service also purges its job records). */
const MAX_JOBS = 10_000;

export class JobBook<T> {
  private readonly records = new Map<string, JobRecord<T>>();

  constructor(
    private readonly timers: Timers,
    private readonly random: Random,
    /** The data clock. */
    private readonly now: () => number,
  ) {}

  start(spec: JobSpec<T>): Job<T> {
    const record: JobRecord<T> = { spec, id: this.random.uuid(), createdAt: this.now(), status: "Pending" };
    this.records.set(record.id, record);
    if (this.records.size > MAX_JOBS) this.records.delete(this.records.keys().next().value as string);
    void this.timers
      .sleep(spec.durations.pendingMs)
      .then(() => {
        record.status = "Running";
        record.runningSince = performance.now();
        spec.onRunning?.();
        return this.timers.sleep(spec.durations.runningMs);
      })
      .then(() => {
        record.status = spec.failReason === undefined ? "Completed" : "Failed";
        record.endedAt = this.now();
        spec.onEnded?.(view(record));
      });
    return view(record);
  }

  find(jobId: string): Job<T> | undefined {
    const record = this.records.get(jobId);
    return record && view(record);
  }

  /** Oldest first. */
  all(): Job<T>[] {
    return [...this.records.values()].map(view);
  }

  /** The job as `GET /v3/{project_id}/jobs?id=` shows it. */
  wire(jobId: string): WireJob | undefined {
    const record = this.records.get(jobId);
    if (!record) return undefined;
    const { spec } = record;
    const offset = spec.instance.offsetMinutes;
    return {
      id: record.id,
      name: spec.name,
      status: record.status,
      created: formatOffsetTimestamp(record.createdAt, offset),
      ended: record.endedAt === undefined ? "" : formatOffsetTimestamp(record.endedAt, offset),
      process: record.status === "Running" ? `${progressPercent(record)}%` : "",
      instance: { id: spec.instance.id, name: spec.instance.name },
      entities: { ...spec.entities },
      fail_reason: record.status === "Failed" ? (spec.failReason ?? "") : "",
    };
  }
}

/** 0 to 99 while running: 100% is never shown, the job is `Completed` by then. */
function progressPercent<T>(record: JobRecord<T>): number {
  const { runningMs } = record.spec.durations;
  const elapsed = performance.now() - (record.runningSince ?? performance.now());
  return runningMs <= 0 ? 99 : Math.min(99, Math.max(0, Math.floor((elapsed / runningMs) * 100)));
}

function view<T>(record: JobRecord<T>): Job<T> {
  const { spec } = record;
  return {
    id: record.id,
    name: spec.name,
    instance: spec.instance,
    detail: spec.detail,
    entities: spec.entities,
    status: record.status,
    createdAt: record.createdAt,
    endedAt: record.endedAt,
    failReason: record.status === "Failed" ? spec.failReason : undefined,
  };
}
