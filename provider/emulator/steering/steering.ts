/**
 * The test's plans, consumed as requests and restores arrive: the request counts they are timed
 * by, the queued faults, the scheduled changes and hooks, and the restores to fail. `S` is what a
 * scheduled change acts on (the emulator's control, which is built on top of the steering).
 */
import { FaultPlan, type Fault } from "./faultPlan";
import { RequestCounter } from "./requestCounter";
import { type ArrivingRequest, RequestScheduler } from "./requestScheduler";
import { RestoreFailures } from "./restoreFailures";

/** The steering as the gateway sees it: one step as each request arrives. */
export interface ArrivalSteering {
  /** Counts the request, runs the changes and hooks due before it, and hands out its fault, if any. */
  arrive(request: Omit<ArrivingRequest, "routeSequence">): Fault | undefined;
}

export class Steering<S> {
  readonly counter = new RequestCounter();
  readonly faults = new FaultPlan(this.counter);
  readonly scheduler = new RequestScheduler<S>(this.counter);
  readonly restoreFailures = new RestoreFailures();

  /** The gateway's side, with scheduled changes and hooks given `subject`. */
  actingOn(subject: S): ArrivalSteering {
    return { arrive: (request) => this.arrive(request, subject) };
  }

  private arrive(request: Omit<ArrivingRequest, "routeSequence">, subject: S): Fault | undefined {
    this.counter.arrive(request.route);
    this.scheduler.run(
      {
        sequence: request.sequence,
        routeSequence: this.counter.count(request.route),
        route: request.route,
        method: request.method,
        path: request.path,
        query: request.query,
      },
      subject,
    );
    return this.faults.take(request.route);
  }
}
