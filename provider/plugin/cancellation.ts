/**
 * The engine's `Cancel`: after it, operations in flight fail at once and new ones are refused, so
 * the engine can shut the plugin down without waiting for a listing to finish its retries.
 *
 * The core's listing takes no abort signal from outside, so a cancelled operation's HTTP requests
 * are abandoned rather than aborted; the process exits soon after (the engine interrupts it).
 */
export class OperationCancelledError extends Error {
  constructor(what: string) {
    super(`${what} was cancelled: the Pulumi engine asked the taurusdb provider to stop.`);
    this.name = "OperationCancelledError";
  }
}

export class Cancellation {
  private cancelled = false;
  private readonly pending = new Set<() => void>();

  get isCancelled(): boolean {
    return this.cancelled;
  }

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    for (const fail of this.pending) fail();
    this.pending.clear();
  }

  /** Runs `operation`, failing with {@link OperationCancelledError} as soon as `cancel` is called. */
  run<T>(what: string, operation: () => Promise<T>): Promise<T> {
    if (this.cancelled) return Promise.reject(new OperationCancelledError(what));
    return new Promise<T>((resolve, reject) => {
      const onCancel = () => reject(new OperationCancelledError(what));
      this.pending.add(onCancel);
      operation().then(
        (value) => {
          this.pending.delete(onCancel);
          resolve(value);
        },
        (error: unknown) => {
          this.pending.delete(onCancel);
          reject(error);
        },
      );
    });
  }
}
