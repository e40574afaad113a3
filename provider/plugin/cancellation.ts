/**
 * The engine's `Cancel`: after it, operations in flight fail at once and new ones are refused, and
 * the signal aborts every listing the plugin started (their requests, retries and waits), so the
 * engine can shut the plugin down without waiting for anything.
 */
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

  /** Runs `operation`, failing with {@link OperationCancelledError} as soon as `cancel` is called. */
  run<T>(what: string, operation: () => Promise<T>): Promise<T> {
    const { signal } = this.controller;
    if (signal.aborted) return Promise.reject(new OperationCancelledError(what));
    return new Promise<T>((resolve, reject) => {
      const onCancel = () => reject(new OperationCancelledError(what));
      signal.addEventListener("abort", onCancel, { once: true });
      operation()
        .then(resolve, reject)
        .finally(() => signal.removeEventListener("abort", onCancel));
    });
  }
}
