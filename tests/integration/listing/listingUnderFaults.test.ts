/**
 * Faults a real gateway produces, injected by the emulator: bounded retries where a retry can help,
 * a clear error (never a wrong list) where it cannot, and never a secret in the error.
 */
import {
  InconsistentListingError,
  TaurusDbApiError,
  TaurusDbNetworkError,
  TaurusDbResponseError,
  TaurusDbTimeoutError,
} from "../../../provider/errors";
import { getEventListeners } from "node:events";
import type { RunningEmulator } from "../../../provider/emulator";
import { FAST_RETRIES, argsFor, list, rejectionOf, withEmulator } from "../../support/emulator";

describe("retried, then successful", () => {
  test.each([
    ["429 with Retry-After", { kind: "status", status: 429, retryAfterSeconds: 0 }],
    ["429 without Retry-After", { kind: "status", status: 429 }],
    ["502 with an HTML page", { kind: "status", status: 502, body: "html" }],
    ["503 with a JSON body", { kind: "status", status: 503 }],
    ["504 with an HTML page", { kind: "status", status: 504, body: "html" }],
    ["a dropped connection", { kind: "drop" }],
  ] as const)("%s", async (_label, fault) => {
    await withEmulator({ backups: 250 }, async (emulator) => {
      emulator.control.injectFaults({ ...fault, times: 2 });
      const result = await list(argsFor(emulator));
      expect(result.backups.map((b) => b.id)).toEqual(emulator.control.backups().map((b) => b.id));
      expect(emulator.control.stats().byRoute.backups).toBe(3 + 2);
    });
  });

  test("a stalled answer times out and is retried", async () => {
    await withEmulator({ backups: 150 }, async (emulator) => {
      emulator.control.injectFaults({ kind: "stall", atRequest: 2 });
      const result = await list(argsFor(emulator, { requestTimeoutMs: 200 }));
      expect(result.totalCount).toBe(150);
      expect(emulator.control.stats().byRoute.backups).toBe(3);
    });
  });
});

describe("not retried, or retried a bounded number of times, then a clear error", () => {
  test("401 is an authentication error at once: one request, so the AK is not locked", async () => {
    await withEmulator({ backups: 10 }, async (emulator) => {
      const error = await rejectionOf(list(argsFor(emulator, { secretKey: "wrong-secret-key" })));
      expect(error).toBeInstanceOf(TaurusDbApiError);
      const apiError = error as TaurusDbApiError;
      expect(apiError.status).toBe(401);
      expect(apiError.errorCode).toBe("APIGW.0301");
      expect(apiError.requestId).toMatch(/[0-9a-f-]{36}/);
      expect(apiError.message).toContain(emulator.instanceId);
      expect(apiError.message).toMatch(/locks an access key/);
      expect(apiError.message).not.toContain("wrong-secret-key");
      expect(emulator.control.stats().byRoute.backups).toBe(1);
    });
  });

  test.each([
    [400, "DBS.280234"],
    [500, "DBS.200001"],
  ])("%i is not retried", async (status, errorCode) => {
    await withEmulator({ backups: 10 }, async (emulator) => {
      emulator.control.injectFaults({ kind: "status", status, errorCode, errorMsg: "boom" });
      const error = (await rejectionOf(list(argsFor(emulator)))) as TaurusDbApiError;
      expect(error).toBeInstanceOf(TaurusDbApiError);
      expect([error.status, error.errorCode, error.errorMessage, error.attempts]).toEqual([status, errorCode, "boom", 1]);
      expect(emulator.control.stats().byRoute.backups).toBe(1);
    });
  });

  test("503 forever: maxAttempts requests, then the error with an excerpt of the HTML", async () => {
    await withEmulator({ backups: 10 }, async (emulator) => {
      emulator.control.injectFaults({ kind: "status", status: 503, body: "html", times: Infinity });
      const error = (await rejectionOf(list(argsFor(emulator, { maxAttempts: 4 })))) as TaurusDbApiError;
      expect(error).toBeInstanceOf(TaurusDbApiError);
      expect(error.status).toBe(503);
      expect(error.errorCode).toBeUndefined();
      expect(error.bodyExcerpt).toMatch(/^<!DOCTYPE html>|^<html/i);
      expect(error.message).toMatch(/after 4 attempts/);
      expect(emulator.control.stats().byRoute.backups).toBe(4);
    });
  });

  test("connections dropped forever: a network error naming the cause", async () => {
    await withEmulator({ backups: 10 }, async (emulator) => {
      emulator.control.injectFaults({ kind: "drop", times: Infinity });
      const error = (await rejectionOf(list(argsFor(emulator, { maxAttempts: 3 })))) as TaurusDbNetworkError;
      expect(error).toBeInstanceOf(TaurusDbNetworkError);
      expect(error.code).toBe("ECONNRESET");
      expect(emulator.control.stats().byRoute.backups).toBe(3);
    });
  });

  test("nobody listening: refused, retried, then a network error", async () => {
    const error = (await rejectionOf(
      list({
        instanceId: "a".repeat(32) + "in07",
        projectId: "b".repeat(32),
        endpoint: "http://127.0.0.1:9",
        accessKey: "AK",
        secretKey: "SK",
        maxAttempts: 2,
      }),
    )) as TaurusDbNetworkError;
    expect(error).toBeInstanceOf(TaurusDbNetworkError);
    expect(error.code).toBe("ECONNREFUSED");
    expect(error.message).toMatch(/after 2 attempt/);
  });

  test("the whole listing has a deadline", async () => {
    await withEmulator({ backups: 10 }, async (emulator) => {
      emulator.control.injectFaults({ kind: "stall", times: Infinity });
      const error = (await rejectionOf(list(argsFor(emulator, { timeoutMs: 300, requestTimeoutMs: 10_000 })))) as TaurusDbTimeoutError;
      expect(error).toBeInstanceOf(TaurusDbTimeoutError);
      expect(error.message).toMatch(/did not finish within 300 ms/);
    });
  });

  test("a Retry-After beyond the limit fails at once with the wait it asked for", async () => {
    await withEmulator({ backups: 10 }, async (emulator) => {
      emulator.control.injectFaults({ kind: "status", status: 429, retryAfterSeconds: 3600 });
      const error = (await rejectionOf(list(argsFor(emulator)))) as TaurusDbApiError;
      expect(error.status).toBe(429);
      expect(error.errorCode).toBe("APIGW.0308");
      expect(error.message).toMatch(/asked to wait 3600 s/);
    });
  });
});

/** How many scans the emulator saw: each starts with the page at offset 0. */
function scansSeenBy(emulator: RunningEmulator): number {
  return emulator.control.requests().filter((r) => r.route === "backups" && r.query.offset === "0").length;
}

describe("a list that changes or lies is never returned mixed", () => {
  test("a backup added while paging: the scan is repeated and the result is current", async () => {
    await withEmulator({ backups: 250 }, async (emulator) => {
      emulator.control.schedule((c) => c.addBackup(), { beforeRequest: 2 });
      const result = await list(argsFor(emulator, { maxConcurrency: 1 }));
      expect(result.backups.map((b) => b.id)).toEqual(emulator.control.backups().map((b) => b.id));
      expect(result.totalCount).toBe(251);
      // Two scans, each starting at offset 0; the abandoned scan's later pages may never be sent.
      expect(scansSeenBy(emulator)).toBe(2);
    });
  });

  test.each([
    ["total_count drifts", { kind: "lieTotal", delta: 5, atRequest: 2 }],
    ["a page overlaps the previous one", { kind: "duplicate", count: 3, atRequest: 2 }],
    ["a page skips records", { kind: "skip", count: 3, atRequest: 2 }],
  ] as const)("%s once: rescanned, exact", async (_label, fault) => {
    await withEmulator({ backups: 250 }, async (emulator) => {
      emulator.control.injectFaults(fault);
      const result = await list(argsFor(emulator, { maxConcurrency: 1 }));
      expect(result.backups.map((b) => b.id)).toEqual(emulator.control.backups().map((b) => b.id));
      expect(scansSeenBy(emulator)).toBe(2);
    });
  });

  test.each([
    ["total_count lies upward", { kind: "lieTotal", delta: 7 }, /came back short|total_count changed/],
    ["total_count lies downward", { kind: "lieTotal", delta: -60 }, /came back long|total_count changed/],
    ["pages keep overlapping", { kind: "duplicate", count: 1 }, /appeared twice|came back/],
  ] as const)("%s on every page: a clear InconsistentListingError", async (_label, fault, reason) => {
    await withEmulator({ backups: 250 }, async (emulator) => {
      emulator.control.injectFaults({ ...fault, times: Infinity });
      const error = await rejectionOf(list(argsFor(emulator)));
      expect(error).toBeInstanceOf(InconsistentListingError);
      expect(error.message).toMatch(reason);
      expect(error.message).toContain(emulator.instanceId);
    });
  });

  test("a total_count too low by whole pages is caught by the last page's spare slot, without a trailing request", async () => {
    await withEmulator({ backups: 120 }, async (emulator) => {
      emulator.control.injectFaults({ kind: "lieTotal", delta: -20, times: Infinity });
      const error = await rejectionOf(list(argsFor(emulator, { pageSize: 50 })));
      expect(error).toBeInstanceOf(InconsistentListingError);
      expect(error.message).toMatch(/page 2 of 2 came back long: 51 backups where total_count 100 means 50/);
      expect(emulator.control.requests().map((r) => r.query.limit)).toEqual(["50", "51", "50", "51", "50", "51"]);
    });
  });

  test("an absurd total_count is refused instead of paged", async () => {
    await withEmulator({ backups: 10 }, async (emulator) => {
      emulator.control.injectFaults({ kind: "lieTotal", delta: 5_000_000_000 });
      const error = await rejectionOf(list(argsFor(emulator)));
      expect(error.message).toMatch(/more than the 1000000 backups/);
      expect(emulator.control.stats().byRoute.backups).toBe(1);
    });
  });
});

describe("malformed answers", () => {
  test("a 200 whose records break the documented shape names the field", async () => {
    await withEmulator({ backups: 0 }, async (emulator) => {
      emulator.control.addBackup({ status: "RESTORING" });
      const error = (await rejectionOf(list(argsFor(emulator)))) as TaurusDbResponseError;
      expect(error).toBeInstanceOf(TaurusDbResponseError);
      expect(error.message).toMatch(
        /backups\[0\] \(id [0-9a-f]+br01\): status must be one of BUILDING, COMPLETED, FAILED, DELETING \(got "RESTORING"\)/,
      );
      expect(error.message).toMatch(/Body starts: /);
    });
  });
});

describe("the listing's own bookkeeping", () => {
  test("a deadline error counts the pages fetched before it", async () => {
    await withEmulator({ backups: 30 }, async (emulator) => {
      // Pages 1 and 2 answer; page 3 and after hang.
      emulator.control.injectFaults({ kind: "stall", times: Infinity, atRequest: 3 });
      const error = (await rejectionOf(
        list(argsFor(emulator, { pageSize: 10, maxConcurrency: 1, timeoutMs: 500, requestTimeoutMs: 10_000 })),
      )) as TaurusDbTimeoutError;
      expect(error).toBeInstanceOf(TaurusDbTimeoutError);
      expect(error.pagesFetched).toBe(2);
    });
  });

  test("the caller's cancel stops the listing with the caller's reason", async () => {
    await withEmulator({ backups: 30 }, async (emulator) => {
      emulator.control.injectFaults({ kind: "stall", times: Infinity });
      const cancel = new AbortController();
      const listing = rejectionOf(list(argsFor(emulator), { ...FAST_RETRIES, signal: cancel.signal }));
      setTimeout(() => cancel.abort(new Error("cancelled by the caller")), 100);
      expect(await listing).toEqual(new Error("cancelled by the caller"));
    });
  });

  test("a deadline during the pause before a rescan fails as the deadline, not as an interrupted wait", async () => {
    await withEmulator({ backups: 30 }, async (emulator) => {
      emulator.control.injectFaults({ kind: "lieTotal", times: Infinity, delta: 1 });
      // random 1: the pause before scan 2 is a quarter second, longer than what is left of the deadline.
      const error = await rejectionOf(list(argsFor(emulator, { pageSize: 10, timeoutMs: 150 }), { ...FAST_RETRIES, random: () => 1 }));
      expect(error).toBeInstanceOf(TaurusDbTimeoutError);
    });
  });

  test.each([
    ["succeeds", false],
    ["fails", true],
  ])("once a listing %s, it no longer listens to the caller's signal", async (_outcome, fails) => {
    await withEmulator({ backups: 5 }, async (emulator) => {
      if (fails) emulator.control.injectFaults({ kind: "status", status: 404 });
      const caller = new AbortController();
      await list(argsFor(emulator), { ...FAST_RETRIES, signal: caller.signal }).catch(() => undefined);
      expect(getEventListeners(caller.signal, "abort")).toHaveLength(0);
    });
  });

  test("the reporter hears each page and each rescan, and even the lowest jitter pauses a rescan an eighth of a second", async () => {
    await withEmulator({ backups: 30 }, async (emulator) => {
      emulator.control.injectFaults({ kind: "lieTotal", atRequest: 2, delta: 1 });
      const events: Array<[string, number]> = [];
      const started = Date.now();
      const result = await list(argsFor(emulator, { pageSize: 10, maxConcurrency: 1 }), {
        ...FAST_RETRIES,
        random: () => 0,
        reporter: {
          page: (_id, progress) => events.push(["page", progress.pagesFetched]),
          rescan: (_id, scan) => events.push(["rescan", scan]),
          retry: () => undefined,
          done: () => undefined,
        },
      });
      expect(result.backups).toHaveLength(30);
      expect(events.filter(([kind]) => kind === "rescan")).toEqual([["rescan", 2]]);
      expect(events.filter(([kind]) => kind === "page").length).toBeGreaterThanOrEqual(4);
      // random 0 gives the shortest rescan pause: 250 ms x (scan - 1) x 0.5.
      expect(Date.now() - started).toBeGreaterThanOrEqual(125);
    });
  });
});
