/**
 * An operation that changed the cloud but did not finish — a restore whose job is still under way
 * when the wait ran out, or whose admin password could not be set. Thrown from `create` or
 * `update`, it makes the engine record `properties` under `id` and still fail the update with the
 * message (an "initialization failure"), so the next update continues from there instead of
 * starting over. The dynamic-provider host and the plugin read exactly these fields.
 */
export class PartialStateError extends Error {
  /** Why the operation did not finish, as the engine lists it. */
  readonly reasons: readonly string[];

  constructor(
    cause: Error,
    readonly id: string,
    readonly properties: Readonly<Record<string, unknown>>,
  ) {
    super(cause.message);
    this.name = cause.name;
    this.reasons = [cause.message];
  }
}

/** The key under which a dynamic resource keeps its serialized provider; a recorded state must keep it too. */
export const DYNAMIC_PROVIDER_KEY = "__provider";
