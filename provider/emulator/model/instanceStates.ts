/**
 * What each instance is doing, beside its backups: its status, the operations in progress on it (a
 * restore, or a hold a test placed to make it busy), and when it was created and last changed. An
 * instance is idle — ready for a write — when it is ACTIVE with no operation in progress.
 */
import { INSTANCE_READY_STATUS, INSTANCE_STATUSES, type InstanceStatus } from "../../api/instanceRules";

/** Ends an operation (or a hold); calling it again does nothing. */
export type Release = () => void;

interface Hold {
  /** Real-clock instant the hold lapses; undefined: until released. */
  readonly until: number | undefined;
}

interface InstanceState {
  status: InstanceStatus;
  /** Data-clock instants. */
  readonly createdAt: number;
  updatedAt: number;
  readonly holds: Set<Hold>;
}

export class InstanceStates {
  private readonly states = new Map<string, InstanceState>();

  /** `clock` times holds given for a while: the real clock, like every other wait. */
  constructor(private readonly clock: () => number = Date.now) {}

  register(instanceId: string, createdAt: number): void {
    if (this.states.has(instanceId)) throw new Error(`instance ${instanceId} already has a state`);
    this.states.set(instanceId, { status: INSTANCE_READY_STATUS, createdAt, updatedAt: createdAt, holds: new Set() });
  }

  status(instanceId: string): InstanceStatus {
    return this.state(instanceId).status;
  }

  /** `at` is the data-clock instant of the change, which becomes the instance's `updated`. */
  setStatus(instanceId: string, status: InstanceStatus, at: number): void {
    if (!INSTANCE_STATUSES.includes(status))
      throw new RangeError(`status must be one of ${INSTANCE_STATUSES.join(", ")}, got ${JSON.stringify(status)}`);
    const state = this.state(instanceId);
    state.status = status;
    state.updatedAt = Math.max(at, state.createdAt);
  }

  createdAt(instanceId: string): number {
    return this.state(instanceId).createdAt;
  }

  updatedAt(instanceId: string): number {
    return this.state(instanceId).updatedAt;
  }

  /** Marks an operation in progress until released, or until `forMs` have passed. */
  hold(instanceId: string, forMs?: number): Release {
    if (forMs !== undefined && !(Number.isInteger(forMs) && forMs >= 0))
      throw new RangeError(`forMs must be an integer >= 0, got ${forMs}`);
    const { holds } = this.state(instanceId);
    const hold: Hold = { until: forMs === undefined ? undefined : this.clock() + forMs };
    holds.add(hold);
    return () => {
      holds.delete(hold);
    };
  }

  /** True while an operation is in progress; lapsed holds are forgotten on the way. */
  operationInProgress(instanceId: string): boolean {
    const { holds } = this.state(instanceId);
    const now = this.clock();
    for (const hold of holds) if (hold.until !== undefined && hold.until <= now) holds.delete(hold);
    return holds.size > 0;
  }

  /** ACTIVE with no operation in progress: a write may proceed. */
  idle(instanceId: string): boolean {
    return this.status(instanceId) === INSTANCE_READY_STATUS && !this.operationInProgress(instanceId);
  }

  private state(instanceId: string): InstanceState {
    const state = this.states.get(instanceId);
    if (!state) throw new Error(`no instance ${instanceId}`);
    return state;
  }
}
