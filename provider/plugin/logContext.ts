/**
 * Which resource the plugin is working on, for its log lines: the engine shows a line under the
 * resource whose URN it carries. One plugin process serves many resources at once, so the URN is
 * kept per call (in the call's asynchronous context), not in a variable they would share.
 */
import { AsyncLocalStorage } from "node:async_hooks";

const current = new AsyncLocalStorage<string>();

/** Runs `operation` with its log lines attached to `urn`. */
export function withUrn<T>(urn: string, operation: () => Promise<T>): Promise<T> {
  return current.run(urn, operation);
}

/** The URN of the call being served, or undefined outside a resource's call (an invoke: the stack's). */
export function currentUrn(): string | undefined {
  return current.getStore();
}
