/**
 * The engine's `Cancel`: after it, operations in flight fail and new ones are refused, and the
 * signal aborts every listing and restore the plugin started (their requests, retries and waits),
 * so the engine can shut the plugin down without waiting for long.
 */
import { ResourceInitFailure } from "./handlers";

/** How long a cancelled operation may take to report the state it reached; every wait of the core listens to the signal, so this is plenty. */
export const CANCEL_GRACE_MS = 5_000;

export class OperationCancelledError extends Error {
  constructor(what: string) {
    super(`${what} was cancelled: the Pulumi engine asked the taurusdb provider to stop.`);
    this.name = "OperationCancelledError";
  }
}

export class Cancellation {
  private readonly controller = new AbortController();

  /** Aborted by `cancel`; the listings of every operation listen to it. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get isCancelled(): boolean {
    return this.controller.signal.aborted;
  }

  cancel(): void {
    this.controller.abort(new OperationCancelledError("An operation"));
  }

  /**
   * Runs `operation`, failing with {@link OperationCancelledError} once `cancel` is called. An
   * operation that settles within {@link CANCEL_GRACE_MS} after it with the state it reached (a
   * {@link ResourceInitFailure}: a restore whose job is under way) fails with that instead, so the
   * engine records it and the next update follows the job rather than restoring again.
   */
  run<T>(what: string, operation: () => Promise<T>): Promise<T> {
    const { signal } = this.controller;
    if (signal.aborted) return Promise.reject(new OperationCancelledError(what));
    return new Promise<T>((resolve, reject) => {
      let grace: NodeJS.Timeout | undefined;
      const onCancel = () => (grace = setTimeout(() => reject(new OperationCancelledError(what)), CANCEL_GRACE_MS));
      signal.addEventListener("abort", onCancel, { once: true });
      operation()
        .then(
          // Finished after all: what it did is the truth the engine must record.
          (value) => resolve(value),
          (error: unknown) => reject(signal.aborted && !(error instanceof ResourceInitFailure) ? new OperationCancelledError(what) : error),
        )
        .finally(() => {
          clearTimeout(grace);
          signal.removeEventListener("abort", onCancel);
        });
    });
  }
}
