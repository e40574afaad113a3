/**
 * The fault plan: faults a real gateway and network produce, queued for upcoming requests.
 *
 * Each request takes at most one fault: the first queued fault whose scope includes the request and
 * that is due. A fault without `atRequest` is due at once, so `inject(a, b)` gives `a` to the next
 * matching request and `b` to the one after. `atRequest: n` makes a fault due at the n-th matching
 * request counted from its injection (later, if an earlier fault is still ahead of it in the queue).
 * `times: k` applies one fault to k matching requests in a row. A fault is consumed by the request
 * it is given to, whatever that request's outcome (even a 401).
 */
import type { RouteName } from "../sharedTypes";
import { checkRequestNumber, checkScope, type RequestCounter, type RequestScope, scopeIncludes } from "./requestCounter";

interface FaultTiming {
  /** Which requests the fault may hit; `"backups"` (the list API) unless said otherwise. */
  readonly route?: RequestScope;
  /** Due at the n-th matching request after injection (1 = the next one). */
  readonly atRequest?: number;
  /** How many matching requests in a row it hits; 1 unless said otherwise (`Infinity` for all). */
  readonly times?: number;
}

/** An error answer: 429 (APIGW.0308), 500, 502, 503, 504 or any other 4xx/5xx. */
export interface StatusFault extends FaultTiming {
  readonly kind: "status";
  readonly status: number;
  /** `"json"` (default): the `{error_code, error_msg}` body; `"html"`: a proxy's error page. */
  readonly body?: "json" | "html";
  /** Sent as `Retry-After` when given; omitted otherwise. */
  readonly retryAfterSeconds?: number;
  /** Override the JSON body's code and message. */
  readonly errorCode?: string;
  readonly errorMsg?: string;
}

/** Resets the connection without an answer (the client sees ECONNRESET or "socket hang up"). */
export interface DropFault extends FaultTiming {
  readonly kind: "drop";
}

/** Never answers (no `ms`), or answers normally after `ms` milliseconds. */
export interface StallFault extends FaultTiming {
  readonly kind: "stall";
  readonly ms?: number;
}

/** A list answer whose `total_count` is off by `delta`. */
export interface LieTotalFault extends FaultTiming {
  readonly kind: "lieTotal";
  readonly delta: number;
}

/** A list page served as if `offset` were `count` larger: `count` records are never seen. */
export interface SkipFault extends FaultTiming {
  readonly kind: "skip";
  readonly count: number;
}

/** A list page served as if `offset` were `count` smaller: `count` records are seen twice. */
export interface DuplicateFault extends FaultTiming {
  readonly kind: "duplicate";
  readonly count: number;
}

export type Fault = StatusFault | DropFault | StallFault | LieTotalFault | SkipFault | DuplicateFault;
export type FaultKind = Fault["kind"];

/** How a list answer is bent by a fault: offset shifted, total misreported. */
export interface ListDistortion {
  readonly offsetShift: number;
  readonly totalDelta: number;
}

export const NO_DISTORTION: ListDistortion = { offsetShift: 0, totalDelta: 0 };

export function distortionOf(fault: Fault | undefined): ListDistortion {
  switch (fault?.kind) {
    case "lieTotal":
      return { offsetShift: 0, totalDelta: fault.delta };
    case "skip":
      return { offsetShift: fault.count, totalDelta: 0 };
    case "duplicate":
      return { offsetShift: -fault.count, totalDelta: 0 };
    default:
      return NO_DISTORTION;
  }
}

interface QueuedFault {
  readonly fault: Fault;
  readonly scope: RequestScope;
  /** The scope's request count at which it becomes due. */
  readonly dueAt: number;
  remaining: number;
}

export class FaultPlan {
  private readonly queue: QueuedFault[] = [];

  constructor(private readonly counter: RequestCounter) {}

  inject(faults: readonly Fault[]): void {
    // Check them all first, so a bad fault queues none.
    const checked = faults.map(checkFault);
    for (const fault of checked) {
      const scope = fault.route ?? "backups";
      this.queue.push({
        fault,
        scope,
        dueAt: fault.atRequest === undefined ? 0 : this.counter.count(scope) + fault.atRequest,
        remaining: fault.times ?? 1,
      });
    }
  }

  /** The fault for a request just counted, if any, consumed from the plan. */
  take(route: RouteName): Fault | undefined {
    const index = this.queue.findIndex((q) => scopeIncludes(q.scope, route) && this.counter.count(q.scope) >= q.dueAt);
    if (index < 0) return undefined;
    const queued = this.queue[index];
    queued.remaining--;
    if (queued.remaining <= 0) this.queue.splice(index, 1);
    return queued.fault;
  }

  pending(): Fault[] {
    return this.queue.map((q) => q.fault);
  }

  clear(): void {
    this.queue.length = 0;
  }
}

const LIST_ONLY_KINDS: readonly FaultKind[] = ["lieTotal", "skip", "duplicate"];

function checkFault(fault: Fault): Fault {
  const what = `fault ${JSON.stringify(fault)}`;
  if (fault.route !== undefined) checkScope(fault.route, `${what}: route`);
  if (fault.atRequest !== undefined) checkRequestNumber(fault.atRequest, `${what}: atRequest`);
  if (fault.times !== undefined && fault.times !== Infinity) checkRequestNumber(fault.times, `${what}: times`);
  if (LIST_ONLY_KINDS.includes(fault.kind) && (fault.route ?? "backups") !== "backups") {
    throw new RangeError(`${what}: ${fault.kind} only applies to the backup list route`);
  }
  switch (fault.kind) {
    case "status":
      requireInteger(fault.status, 400, 599, `${what}: status`);
      if (fault.body !== undefined && fault.body !== "json" && fault.body !== "html") {
        throw new RangeError(`${what}: body must be "json" or "html"`);
      }
      if (fault.retryAfterSeconds !== undefined)
        requireInteger(fault.retryAfterSeconds, 0, Number.MAX_SAFE_INTEGER, `${what}: retryAfterSeconds`);
      break;
    case "stall":
      if (fault.ms !== undefined) requireInteger(fault.ms, 0, 2 ** 31 - 1, `${what}: ms`);
      break;
    case "lieTotal":
      requireInteger(fault.delta, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, `${what}: delta`);
      break;
    case "skip":
    case "duplicate":
      requireInteger(fault.count, 1, Number.MAX_SAFE_INTEGER, `${what}: count`);
      break;
    case "drop":
      break;
    default:
      throw new RangeError(`${what}: unknown kind`);
  }
  return fault;
}

function requireInteger(value: unknown, min: number, max: number, what: string): void {
  if (!(typeof value === "number" && Number.isInteger(value) && value >= min && value <= max)) {
    throw new RangeError(`${what} must be an integer in ${min}..${max}, got ${JSON.stringify(value)}`);
  }
}
