/** The engine's Cancel (provider/plugin/cancellation.ts), on Jest's fake clock. */
import { Cancellation, CANCEL_GRACE_MS, OperationCancelledError } from "../../../provider/plugin/cancellation";
import { ResourceInitFailure } from "../../../provider/plugin/handlers";

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

const settled = <T>(promise: Promise<T>) => {
  const state: { value?: T; error?: unknown; done: boolean } = { done: false };
  promise.then(
    (value) => Object.assign(state, { value, done: true }),
    (error: unknown) => Object.assign(state, { error, done: true }),
  );
  return state;
};

test("the grace is five seconds, which the README promises for a cancelled restore to report its state", () => {
  expect(CANCEL_GRACE_MS).toBe(5_000);
});

test("an operation still running when Cancel comes fails as cancelled once the grace runs out", async () => {
  const cancellation = new Cancellation();
  const run = settled(cancellation.run("Creating x", () => new Promise<never>(() => undefined)));
  cancellation.cancel();
  expect(cancellation.signal.aborted).toBe(true);
  await jest.advanceTimersByTimeAsync(CANCEL_GRACE_MS - 1);
  expect(run.done).toBe(false);
  await jest.advanceTimersByTimeAsync(1);
  expect(run.error).toEqual(new OperationCancelledError("Creating x"));
  expect((run.error as Error).message).toBe("Creating x was cancelled: the Pulumi engine asked the taurusdb provider to stop.");
});

test("within the grace, a partial state is reported as such, any other failure as cancelled, and a result as the result", async () => {
  const cancellation = new Cancellation();
  const partial = new ResourceInitFailure("job under way", "job-1", {}, ["job under way"]);
  let rejectPartial!: (e: unknown) => void;
  let rejectOther!: (e: unknown) => void;
  let resolveDone!: (v: string) => void;
  const a = settled(cancellation.run("A", () => new Promise((_r, reject) => (rejectPartial = reject))));
  const b = settled(cancellation.run("B", () => new Promise((_r, reject) => (rejectOther = reject))));
  const c = settled(cancellation.run("C", () => new Promise<string>((resolve) => (resolveDone = resolve))));
  cancellation.cancel();
  rejectPartial(partial);
  rejectOther(new Error("socket closed"));
  resolveDone("done");
  await jest.advanceTimersByTimeAsync(0);
  expect(a.error).toBe(partial);
  expect(b.error).toEqual(new OperationCancelledError("B"));
  expect(c.value).toBe("done");
});

test("after Cancel a new operation is refused without running", async () => {
  const cancellation = new Cancellation();
  cancellation.cancel();
  let ran = false;
  await expect(cancellation.run("Reading y", async () => (ran = true))).rejects.toEqual(new OperationCancelledError("Reading y"));
  expect(ran).toBe(false);
});

test("an operation that ends before Cancel leaves no timer or listener behind", async () => {
  const cancellation = new Cancellation();
  expect(await cancellation.run("Z", async () => 7)).toBe(7);
  cancellation.cancel();
  await jest.advanceTimersByTimeAsync(0); // the operation's own clean-up runs a microtask after its result
  expect(jest.getTimerCount()).toBe(0);
});
