/**
 * Counters and a bounded log of the requests the emulator received. The log keeps method, path,
 * decoded query, route, outcome and timing; it never keeps headers, so no token, signature or
 * security token can end up in it.
 */
import { ROUTE_NAMES, type RouteName } from "../sharedTypes";
import type { FaultKind } from "../steering/faultPlan";

/** How a request ended: answered with a status, or not answered (see `outcome`). */
export type RequestOutcome = "pending" | "answered" | "dropped" | "stalled" | "aborted";

export interface RequestLogEntry {
  /** 1-based position among all requests. */
  readonly sequence: number;
  /** Epoch milliseconds of arrival. */
  readonly at: number;
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly route: RouteName;
  /** The HTTP status sent; undefined when nothing was sent. */
  readonly status?: number;
  readonly outcome: RequestOutcome;
  readonly fault?: FaultKind;
  /** Until the answer was sent or the request ended. */
  readonly durationMs?: number;
}

export interface EmulatorStats {
  /** Requests received, including those answered before routing (400, 404, 405...). */
  readonly requests: number;
  readonly byRoute: Readonly<Record<RouteName, number>>;
  /** Answers by HTTP status, e.g. `{ "200": 12, "429": 1 }`. */
  readonly byStatus: Readonly<Record<string, number>>;
  /** Faults given to requests, by kind. */
  readonly faults: Readonly<Partial<Record<FaultKind, number>>>;
  readonly dropped: number;
  readonly stalled: number;
  /** Answered 429 by the rate limit (not by a fault). */
  readonly rateLimited: number;
  /** Answered 401. */
  readonly authFailures: number;
  /** Requests received but not yet ended. */
  readonly inFlight: number;
  /** Connections the HTTP parser rejected (oversized headers, garbage), answered 4xx and closed. */
  readonly rejectedConnections: number;
}

/** The recorder's own, mutable view of a log entry. */
export interface LogEntryHandle {
  sequence: number;
  at: number;
  method: string;
  path: string;
  query: Record<string, string>;
  route: RouteName;
  status?: number;
  outcome: RequestOutcome;
  fault?: FaultKind;
  durationMs?: number;
  startedAt: number;
}

const MAX_LOG_ENTRIES = 10_000;

export class StatsRecorder {
  private sequence = 0;
  private counters = emptyCounters();
  private entries: LogEntryHandle[] = [];

  /** Counts an arriving request and starts its log entry. */
  begin(request: { method: string; path: string; query: Record<string, string>; route: RouteName }): LogEntryHandle {
    this.sequence++;
    this.counters.requests++;
    this.counters.byRoute[request.route]++;
    this.counters.inFlight++;
    const entry: LogEntryHandle = { ...request, sequence: this.sequence, at: Date.now(), outcome: "pending", startedAt: performance.now() };
    this.entries.push(entry);
    if (this.entries.length > MAX_LOG_ENTRIES) this.entries.splice(0, this.entries.length - MAX_LOG_ENTRIES);
    return entry;
  }

  faultGiven(entry: LogEntryHandle, kind: FaultKind): void {
    entry.fault = kind;
    this.counters.faults[kind] = (this.counters.faults[kind] ?? 0) + 1;
  }

  rateLimited(): void {
    this.counters.rateLimited++;
  }

  answered(entry: LogEntryHandle, status: number): void {
    if (!this.end(entry, "answered")) return;
    entry.status = status;
    this.counters.byStatus[status] = (this.counters.byStatus[status] ?? 0) + 1;
    if (status === 401) this.counters.authFailures++;
  }

  dropped(entry: LogEntryHandle): void {
    if (this.end(entry, "dropped")) this.counters.dropped++;
  }

  /** A stalled request stays open; it ends when the client or `close()` gives up on it. */
  stalled(entry: LogEntryHandle): void {
    if (entry.outcome !== "pending") return;
    entry.outcome = "stalled";
    this.counters.stalled++;
  }

  /** The connection closed before an answer was sent. */
  aborted(entry: LogEntryHandle): void {
    this.end(entry, entry.outcome === "stalled" ? "stalled" : "aborted");
  }

  rejectedConnection(): void {
    this.counters.rejectedConnections++;
  }

  snapshot(): EmulatorStats {
    const c = this.counters;
    return { ...c, byRoute: { ...c.byRoute }, byStatus: { ...c.byStatus }, faults: { ...c.faults } };
  }

  log(): RequestLogEntry[] {
    return this.entries.map(({ startedAt: _startedAt, ...entry }) => ({ ...entry, query: { ...entry.query } }));
  }

  /** Clears counters and the log; requests still in flight stay counted as such. */
  reset(): void {
    const inFlight = this.counters.inFlight;
    this.counters = emptyCounters();
    this.counters.inFlight = inFlight;
    this.entries = [];
  }

  /** Marks the end of a request once; false when it had already ended. */
  private end(entry: LogEntryHandle, outcome: RequestOutcome): boolean {
    if (entry.outcome !== "pending" && entry.outcome !== "stalled") return false;
    if (entry.durationMs !== undefined) return false;
    entry.outcome = outcome;
    entry.durationMs = Math.round((performance.now() - entry.startedAt) * 10) / 10;
    this.counters.inFlight = Math.max(0, this.counters.inFlight - 1);
    return true;
  }
}

function emptyCounters() {
  return {
    requests: 0,
    byRoute: Object.fromEntries(ROUTE_NAMES.map((name) => [name, 0])) as Record<RouteName, number>,
    byStatus: {} as Record<string, number>,
    faults: {} as Partial<Record<FaultKind, number>>,
    dropped: 0,
    stalled: 0,
    rateLimited: 0,
    authFailures: 0,
    inFlight: 0,
    rejectedConnections: 0,
  };
}
