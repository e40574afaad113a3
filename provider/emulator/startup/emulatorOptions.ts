/**
 * `startEmulator` options, their defaults, and the checks that turn a bad option into a clear
 * error at start rather than odd behaviour later.
 */
import { REGION_PATTERN } from "../../api/rules";
import { checkLatency } from "../gateway/gatewayState";
import { checkRateLimitSpec, type RateLimitSpec } from "../gateway/rateLimit";
import type { SignatureVerifier } from "../gateway/signatureVerifier";
import { checkDelay } from "../model/cancellableTimers";
import type { JobDurations } from "../model/jobBook";
import { DEFAULT_HISTORY_LIMIT } from "../model/versionHistory";
import { requireZoneOffsetMinutes } from "../model/zonedTimestamps";
import type { Fault } from "../steering/faultPlan";

export interface EmulatorOptions {
  /** Interface to listen on; `127.0.0.1` unless said otherwise. */
  host?: string;
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Seed of every generated value (ids, credentials, backups); 1 unless said otherwise. */
  seed?: number;
  /** Backups of the default instance; 25 unless said otherwise. */
  backups?: number;
  /** The region the emulator pretends to be; `cn-north-4` unless said otherwise. */
  region?: string;
  /** Time zone of the default instance, `"UTC+08:00"` form; that one unless said otherwise. */
  timeZone?: string;
  /** Delay before every answer, in ms. */
  latencyMs?: number;
  /** Token-bucket rate limit (429 APIGW.0308 past it). */
  rateLimit?: RateLimitSpec;
  /** Faults queued from the start (see `EmulatorControl.injectFaults`). */
  faults?: Fault[];
  /** How far `X-Sdk-Date` may be from the emulator's clock; 900 s unless said otherwise. */
  maxClockSkewSeconds?: number;
  /** Keep a snapshot of the backups at every version: `true` keeps the last 50, a number that many. */
  recordHistory?: boolean | number;
  /** Clock of the generated data, of new or finished backups, jobs and restorable times (epoch ms); `Date.now` unless said otherwise. */
  now?: () => number;
  /** How long a restore job takes, in ms: the first tenth `Pending`, the rest `Running`; 3000 unless said otherwise. */
  restoreDurationMs?: number;
  /**
   * Computes the signature a signed request must carry, in place of the shared signer — for a test
   * that checks the client against an independent signer (see gateway/signatureVerifier.ts).
   */
  signatureVerifier?: SignatureVerifier;
}

export interface ResolvedOptions {
  readonly host: string;
  readonly port: number;
  readonly seed: number;
  readonly backups: number;
  readonly region: string;
  readonly timeZone: string;
  readonly latencyMs: number;
  readonly rateLimit?: RateLimitSpec;
  readonly faults: Fault[];
  readonly maxClockSkewSeconds: number;
  /** 0 when history is off. */
  readonly historyLimit: number;
  readonly now: () => number;
  readonly restoreDurations: JobDurations;
  readonly signatureVerifier?: SignatureVerifier;
}

export const EMULATOR_DEFAULTS = {
  host: "127.0.0.1",
  port: 0,
  seed: 1,
  backups: 25,
  region: "cn-north-4",
  timeZone: "UTC+08:00",
  maxClockSkewSeconds: 900,
  restoreDurationMs: 3000,
} as const;

/** Generating more than this would only exhaust memory. */
const MAX_BACKUPS = 2_000_000;

export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  const seed = options.seed ?? EMULATOR_DEFAULTS.seed;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const port = options.port ?? EMULATOR_DEFAULTS.port;
  requireInteger(port, 0, 65535, "port");
  const backups = options.backups ?? EMULATOR_DEFAULTS.backups;
  requireInteger(backups, 0, MAX_BACKUPS, "backups");
  const region = options.region ?? EMULATOR_DEFAULTS.region;
  checkRegion(region);
  const timeZone = options.timeZone ?? EMULATOR_DEFAULTS.timeZone;
  requireZoneOffsetMinutes(timeZone);
  if (options.rateLimit) checkRateLimitSpec(options.rateLimit);
  const maxClockSkewSeconds = options.maxClockSkewSeconds ?? EMULATOR_DEFAULTS.maxClockSkewSeconds;
  if (!(Number.isFinite(maxClockSkewSeconds) && maxClockSkewSeconds > 0)) {
    throw new RangeError(`maxClockSkewSeconds must be a number > 0, got ${maxClockSkewSeconds}`);
  }
  const historyLimit =
    options.recordHistory === true ? DEFAULT_HISTORY_LIMIT : typeof options.recordHistory === "number" ? options.recordHistory : 0;
  if (options.recordHistory !== undefined && options.recordHistory !== false) requireInteger(historyLimit, 1, 1_000_000, "recordHistory");
  if (options.now !== undefined && typeof options.now !== "function") throw new TypeError("now must be a function returning epoch ms");
  if (options.signatureVerifier !== undefined && typeof options.signatureVerifier !== "function") {
    throw new TypeError("signatureVerifier must be a function returning the expected signature");
  }
  const restoreDurationMs = checkDelay(options.restoreDurationMs ?? EMULATOR_DEFAULTS.restoreDurationMs, "restoreDurationMs");
  const pendingMs = Math.round(restoreDurationMs / 10);
  return {
    host: options.host ?? EMULATOR_DEFAULTS.host,
    port,
    seed,
    backups,
    region,
    timeZone,
    latencyMs: checkLatency(options.latencyMs ?? 0),
    rateLimit: options.rateLimit,
    faults: options.faults ?? [],
    maxClockSkewSeconds,
    historyLimit,
    now: options.now ?? Date.now,
    restoreDurations: { pendingMs, runningMs: restoreDurationMs - pendingMs },
    signatureVerifier: options.signatureVerifier,
  };
}

function requireInteger(value: number, min: number, max: number, what: string): void {
  if (!(Number.isInteger(value) && value >= min && value <= max)) {
    throw new RangeError(`${what} must be an integer in ${min}..${max}, got ${value}`);
  }
}

export function checkRegion(region: string): string {
  if (!REGION_PATTERN.test(region)) throw new RangeError(`region must look like "cn-north-4", got ${JSON.stringify(region)}`);
  return region;
}
