/**
 * A write to an instance (a restore into it, a new admin password) needs it idle: `ACTIVE` and no
 * other operation in progress. So the instance is waited for until it is `ACTIVE`, then the write
 * is sent; an answer that another operation is in progress (HTTP 409 with one of the documented
 * codes, after the client's own quick retries) means waiting again, until the deadline.
 */
import { INSTANCE_BUSY_ERROR_CODES, INSTANCE_READY_STATUS } from "../api/instanceRules";
import type { ProjectScope } from "../calls/apiSession";
import { fetchInstance } from "../calls/instanceDetails";
import { TaurusDbApiError } from "../errors";
import { formatElapsed, pollUntil, type Waiting } from "./waiting";

/** HTTP 409 with a code that means "another operation is in progress on the instance": try later. */
export function isBusyAnswer(status: number, errorCode: string | undefined): boolean {
  return status === 409 && (INSTANCE_BUSY_ERROR_CODES as readonly string[]).includes(errorCode ?? "");
}

/** The error when the deadline passes, given what was waited for (`instance … to be ACTIVE (it is BACKING UP)`). */
export type TimedOut = (waitingFor: string) => Error;

/** Waits until the instance is ACTIVE. `what` names the write it waits for, in progress lines. */
export function waitUntilActive(
  scope: ProjectScope,
  instanceId: string,
  waiting: Waiting,
  what: string,
  timedOut: TimedOut,
): Promise<void> {
  return pollUntil(waiting, {
    async look() {
      const instance = await fetchInstance(scope, instanceId, waiting.signal);
      return instance.status === INSTANCE_READY_STATUS ? { done: true, value: undefined } : { done: false, phase: instance.status };
    },
    describe: (status, _detail, elapsed) =>
      `${what}: waiting for instance ${instanceId} to be ${INSTANCE_READY_STATUS} (it is ${status}, waited ${formatElapsed(elapsed)}).`,
    timedOut: (status) => timedOut(`instance ${instanceId} to be ${INSTANCE_READY_STATUS} (it is ${status})`),
  });
}

/** Runs `write` once the instance is idle, waiting again while it answers that it is busy. */
export async function whenIdle<T>(
  scope: ProjectScope,
  instanceId: string,
  waiting: Waiting,
  what: string,
  timedOut: TimedOut,
  write: () => Promise<T>,
): Promise<T> {
  const { clock, signal } = waiting;
  for (;;) {
    await waitUntilActive(scope, instanceId, waiting, what, timedOut);
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof TaurusDbApiError && isBusyAnswer(error.status, error.errorCode))) throw error;
      const now = clock.now();
      const busy = `instance ${instanceId} to be free (it answers ${error.errorCode}: another operation is in progress)`;
      if (now >= waiting.deadline) throw timedOut(busy);
      await waiting.progress(`${what}: waiting for ${busy}.`);
      await clock.sleep(Math.min(waiting.intervalMs, waiting.deadline - now), signal);
    }
  }
}
