/**
 * The budget every listing of one account shares, on a fake clock: slots, the shared pause a 429
 * starts, the rate it learns (once per wave of 429s), how successes raise it, how a quiet minute
 * forgets it, and that a cancelled wait leaves nothing behind. Also the turns for large bodies.
 */
import { BodyGate } from "../../../provider/http/bodyGate";
import { RequestBudget, type Permit } from "../../../provider/http/requestBudget";

beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
afterEach(() => jest.useRealTimers());

const budget = (maxInFlight: number) => new RequestBudget({ maxInFlight, now: () => Date.now() });
const signal = () => new AbortController().signal;

/** Acquires `count` permits and records when each was granted, relative to the start. */
function acquireAll(b: RequestBudget, count: number, on = signal()) {
  const start = Date.now();
  const granted: number[] = [];
  const permits: Promise<Permit>[] = [];
  for (let i = 0; i < count; i++) permits.push(b.acquire(on).then((p) => (granted.push(Date.now() - start), p)));
  return { granted, permits };
}

test("grants at most maxInFlight at once, in order, and the next on each release", async () => {
  const b = budget(2);
  const { granted, permits } = acquireAll(b, 3);
  await jest.advanceTimersByTimeAsync(0);
  expect(granted).toEqual([0, 0]);
  (await permits[0]).release();
  await jest.advanceTimersByTimeAsync(0);
  expect(granted).toEqual([0, 0, 0]);
  expect(b.requestsPerSecond).toBe(Infinity); // no spacing before the API ever throttles
});

test("a 429 pauses every waiter until Retry-After, then spaces them at the learned rate", async () => {
  const b = budget(4);
  for (let i = 0; i < 10; i++) b.succeeded(); // 10 successes in the last second
  const first = await b.acquire(signal());
  first.release();
  b.throttled(2_000, first);
  expect(b.requestsPerSecond).toBe(10);
  const { granted } = acquireAll(b, 3);
  await jest.advanceTimersByTimeAsync(1_999);
  expect(granted).toEqual([]);
  await jest.advanceTimersByTimeAsync(1_000);
  expect(granted).toEqual([2_000, 2_100, 2_200]);
});

test("a permit released twice frees one slot, not two", async () => {
  const b = budget(1);
  const first = await b.acquire(signal());
  const { granted } = acquireAll(b, 2);
  first.release();
  first.release();
  await jest.advanceTimersByTimeAsync(0);
  expect(granted).toEqual([0]);
});

test("a waiter cancelled during a pause leaves the others waiting for it, and they go when it ends", async () => {
  const b = budget(4);
  const first = await b.acquire(signal());
  first.release();
  b.throttled(1_000, first);
  const cancel = new AbortController();
  const cancelled = b.acquire(cancel.signal).catch((error: unknown) => error);
  const { granted } = acquireAll(b, 2);
  cancel.abort(new Error("stop"));
  expect(await cancelled).toEqual(new Error("stop"));
  await jest.advanceTimersByTimeAsync(2_000);
  expect(granted).toEqual([1_000, 1_250]); // the pause, then the learned rate of 4 per second
});

test("the first estimate counts the successes of the last second only", async () => {
  const b = budget(2);
  for (let i = 0; i < 30; i++) b.succeeded();
  await jest.advanceTimersByTimeAsync(5_000);
  for (let i = 0; i < 5; i++) b.succeeded();
  b.throttled(1_000, { sequence: 0, release: () => undefined });
  expect(b.requestsPerSecond).toBe(5);
});

test("a success exactly a second before the 429 is no longer in the last second", async () => {
  const b = budget(2);
  for (let i = 0; i < 5; i++) b.succeeded();
  await jest.advanceTimersByTimeAsync(1_000);
  for (let i = 0; i < 3; i++) b.succeeded();
  b.throttled(1_000, { sequence: 0, release: () => undefined });
  expect(b.requestsPerSecond).toBe(3);
});

test("a 429 while nobody waits sets no timer (nothing would keep the process alive)", () => {
  const b = budget(2);
  b.throttled(5_000, { sequence: 0, release: () => undefined });
  expect(jest.getTimerCount()).toBe(0);
});

test("the first estimate is never below one request per slot per second", () => {
  const b = budget(16);
  b.throttled(1_000, { sequence: 0, release: () => undefined });
  expect(b.requestsPerSecond).toBe(16);
});

test("one decrease per wave: 429s of requests let go before the last decrease do not lower the rate again", async () => {
  const b = budget(8);
  const permits = await Promise.all([1, 2, 3].map(() => b.acquire(signal())));
  b.throttled(0, permits[0]);
  expect(b.requestsPerSecond).toBe(8);
  b.throttled(0, permits[1]);
  b.throttled(0, permits[2]);
  expect(b.requestsPerSecond).toBe(8);
  const later = await b.acquire(signal());
  b.throttled(0, later);
  expect(b.requestsPerSecond).toBe(6);
});

test("each success raises a learned rate by about one request per second, per second", () => {
  const b = budget(4);
  b.throttled(0, { sequence: 0, release: () => undefined });
  expect(b.requestsPerSecond).toBe(4);
  for (let i = 0; i < 4; i++) b.succeeded();
  expect(b.requestsPerSecond).toBeCloseTo(4 + 1 / 4 + 1 / 4.25 + 1 / 4.485 + 1 / 4.708, 2);
});

test("a minute without a 429 forgets the learned rate", async () => {
  const b = budget(4);
  b.throttled(0, { sequence: 0, release: () => undefined });
  jest.advanceTimersByTime(60_001);
  (await b.acquire(signal())).release();
  expect(b.requestsPerSecond).toBe(Infinity);
});

test("a cancelled wait rejects with the signal's reason, frees its place and leaves no timer", async () => {
  const b = budget(2);
  const held = await b.acquire(signal());
  b.throttled(5_000, held);
  const controller = new AbortController();
  const waiting = b.acquire(controller.signal);
  expect(jest.getTimerCount()).toBe(1);
  controller.abort(new Error("listing settled"));
  await expect(waiting).rejects.toThrow("listing settled");
  expect(jest.getTimerCount()).toBe(0);
  held.release();
  const next = b.acquire(signal()).then(() => "granted");
  await jest.advanceTimersByTimeAsync(5_000);
  await expect(next).resolves.toBe("granted");
});

test("raising maxInFlight lets waiters go at once; lowering it is ignored", async () => {
  const b = budget(1);
  const first = await b.acquire(signal());
  const { granted, permits } = acquireAll(b, 2);
  await jest.advanceTimersByTimeAsync(0);
  expect(granted).toEqual([]);
  b.raiseMaxInFlight(3);
  await jest.advanceTimersByTimeAsync(0);
  expect(granted).toEqual([0, 0]);
  b.raiseMaxInFlight(1);
  // Two of the three slots come free: with the cap still 3, two more may fly.
  first.release();
  (await permits[0]).release();
  const more = acquireAll(b, 3);
  await jest.advanceTimersByTimeAsync(0);
  expect(more.granted).toEqual([0, 0]);
});

describe("large-body turns", () => {
  test("one turn at a time; the next reader goes when it is given back, and a cancelled wait is dropped", async () => {
    const gate = new BodyGate(1);
    const release = await gate.acquire(signal());
    const controller = new AbortController();
    const cancelled = gate.acquire(controller.signal);
    let second = false;
    const waiting = gate.acquire(signal()).then((r) => ((second = true), r));
    controller.abort(new Error("gone"));
    await expect(cancelled).rejects.toThrow("gone");
    await jest.advanceTimersByTimeAsync(0);
    expect(second).toBe(false);
    release();
    release(); // twice is once
    (await waiting)();
    expect(second).toBe(true);
    await expect(Promise.all([gate.acquire(signal())])).resolves.toHaveLength(1);
  });
});
