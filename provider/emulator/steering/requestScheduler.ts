/**
 * Data changes timed by requests, so a test can change the list while a client is paging.
 *
 * `schedule(mutation, { beforeRequest: n })` runs the mutation when the n-th matching request
 * counted from the call arrives, before that request is answered (and before its fault, latency
 * and authentication). Requests are those of the backup list API unless `route` says otherwise.
 * `onRequest(hook)` runs a hook on every request, at the same point.
 *
 * Mutations and hooks are given `S`, the emulator's control: a type parameter, because the control is
 * built on top of this scheduler and a type import of it would tie the two together.
 */
import type { Cancel, RouteName } from "../sharedTypes";
import { checkRequestNumber, checkScope, type RequestCounter, type RequestScope, scopeIncludes } from "./requestCounter";

export interface ScheduleOptions {
  /** 1 = the next matching request. */
  readonly beforeRequest: number;
  /** `"backups"` unless said otherwise. */
  readonly route?: RequestScope;
}

/** What a hook learns about an arriving request (never its headers). */
export interface ArrivingRequest {
  /** 1-based position among all requests the emulator received. */
  readonly sequence: number;
  /** 1-based position among requests of the same route. */
  readonly routeSequence: number;
  readonly route: RouteName;
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
}

type Mutation<S> = (subject: S) => void;
type RequestHook<S> = (request: ArrivingRequest, subject: S) => void;

interface ScheduledMutation<S> {
  readonly mutation: Mutation<S>;
  readonly scope: RequestScope;
  readonly dueAt: number;
}

/** Errors thrown by mutations and hooks are kept (bounded) rather than failing the request. */
const MAX_KEPT_ERRORS = 20;

export class RequestScheduler<S> {
  private scheduled: ScheduledMutation<S>[] = [];
  private readonly hooks = new Set<RequestHook<S>>();
  private readonly keptErrors: string[] = [];

  constructor(private readonly counter: RequestCounter) {}

  schedule(mutation: Mutation<S>, options: ScheduleOptions): Cancel {
    const scope = options.route === undefined ? "backups" : checkScope(options.route, "schedule route");
    const n = checkRequestNumber(options.beforeRequest, "beforeRequest");
    const entry: ScheduledMutation<S> = { mutation, scope, dueAt: this.counter.count(scope) + n };
    this.scheduled.push(entry);
    return () => {
      this.scheduled = this.scheduled.filter((s) => s !== entry);
    };
  }

  onRequest(hook: RequestHook<S>): Cancel {
    this.hooks.add(hook);
    return () => {
      this.hooks.delete(hook);
    };
  }

  /** Messages of the errors mutations and hooks threw, oldest first. */
  errors(): string[] {
    return [...this.keptErrors];
  }

  /** Runs what is due for a request that was just counted, in scheduling order, then the hooks. */
  run(request: ArrivingRequest, subject: S): void {
    const due = this.scheduled.filter((s) => scopeIncludes(s.scope, request.route) && this.counter.count(s.scope) >= s.dueAt);
    if (due.length > 0) this.scheduled = this.scheduled.filter((s) => !due.includes(s));
    for (const s of due) this.guard(() => s.mutation(subject));
    for (const hook of [...this.hooks]) this.guard(() => hook(request, subject));
  }

  private guard(action: () => void): void {
    try {
      action();
    } catch (error) {
      this.keptErrors.push(error instanceof Error ? error.message : String(error));
      if (this.keptErrors.length > MAX_KEPT_ERRORS) this.keptErrors.shift();
    }
  }
}
