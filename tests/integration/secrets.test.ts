/**
 * Everything the package can print, under every failure it can have: error messages, stacks,
 * JSON and util.inspect renderings of thrown objects and their causes, Pulumi log lines (info,
 * warn, debug) and the settings objects themselves. None may hold a secret key, a token, a
 * security token or a signature.
 */
import * as pulumi from "@pulumi/pulumi";
import { inspect } from "node:util";
import { listInstanceBackups } from "../../provider/listing";
import { pulumiReporter } from "../../provider/pulumi/pulumiReporter";
import type { RunningEmulator } from "../../provider/emulator";
import { startEmulator } from "../../provider/emulator";
import { resolveSettings } from "../../provider/validation/resolve";
import { argsFor, list } from "../support/emulator";

let emulator: RunningEmulator;
const logged: string[] = [];
/** Everything the failure scenarios logged, to prove the log check above was not vacuous. */
const loggedByFailures: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ backups: 120 });
  pulumi.runtime.setMocks({ newResource: (a) => ({ id: a.name, state: a.inputs }), call: (a) => a.inputs }, "p", "s", false);
  for (const level of ["debug", "info", "warn", "error"] as const) {
    jest.spyOn(pulumi.log, level).mockImplementation(async (...args: unknown[]) => {
      logged.push(String(args[0]));
    });
  }
});
afterAll(() => emulator.close());

/** A listing as a Pulumi program runs it, its progress going to the (spied) Pulumi log. */
function listLogged(args: Parameters<typeof list>[0]) {
  return listInstanceBackups(args, { sources: { stackConfig: () => undefined, env: {} }, reporter: pulumiReporter() });
}

function secrets(): string[] {
  const c = emulator.credentials;
  return [c.secretKey, c.authToken, c.temporary.secretKey, c.temporary.securityToken];
}

/** Every way an error may end up printed, its causes included. */
function renderings(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    parts.push(
      String(current),
      (current as Error).stack ?? "",
      JSON.stringify(current) ?? "",
      inspect(current, { depth: 8, showHidden: true }),
    );
  }
  return parts.join("\n");
}

function expectClean(text: string): void {
  for (const secret of secrets()) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/Signature=[0-9a-f]{16}|SDK-HMAC-SHA256 Access|X-Auth-Token:/);
}

const scenarios: Array<[string, (e: RunningEmulator) => Parameters<typeof list>[0], (e: RunningEmulator) => void]> = [
  ["a bad signature (401)", (e) => argsFor(e, { secretKey: `${e.credentials.secretKey}x` }), () => undefined],
  [
    "a bad token (401)",
    (e) => argsFor(e, { accessKey: undefined, secretKey: undefined, authToken: `${e.credentials.authToken}x` }),
    () => undefined,
  ],
  [
    "503 forever",
    (e) => argsFor(e, { maxAttempts: 2 }),
    (e) => e.control.injectFaults({ kind: "status", status: 503, body: "html", times: Infinity }),
  ],
  [
    "dropped connections",
    (e) => argsFor(e, { ...e.credentials.temporary, maxAttempts: 2 }),
    (e) => e.control.injectFaults({ kind: "drop", times: Infinity }),
  ],
  ["a stalled listing", (e) => argsFor(e, { timeoutMs: 200 }), (e) => e.control.injectFaults({ kind: "stall", times: Infinity })],
  ["an inconsistent list", (e) => argsFor(e), (e) => e.control.injectFaults({ kind: "lieTotal", delta: 3, times: Infinity })],
  ["a malformed record", (e) => argsFor(e), (e) => e.control.addBackup({ status: "WEIRD" })],
  [
    "invalid arguments carrying secrets",
    (e) => argsFor(e, { securityToken: `${e.credentials.temporary.securityToken} `, pageSize: 0 }),
    () => undefined,
  ],
  [
    "throttled until it gives up",
    (e) => argsFor(e, { maxAttempts: 2 }),
    (e) => e.control.injectFaults({ kind: "status", status: 429, times: Infinity }),
  ],
];

describe.each(scenarios)("%s", (_label, args, setUp) => {
  test("neither the thrown error nor the Pulumi log holds a secret", async () => {
    emulator.control.clearFaults();
    emulator.control.unlock();
    for (const backup of emulator.control.backups().filter((b) => b.status === "WEIRD")) emulator.control.deleteBackup(backup.id);
    setUp(emulator);
    logged.length = 0;
    const error = await listLogged(args(emulator)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeDefined();
    expectClean(renderings(error));
    expectClean(logged.join("\n"));
    loggedByFailures.push(...logged);
  });
});

test("the failure scenarios did log (retries, pages, rescans), so the log checks were real", () => {
  const all = loggedByFailures.join("\n");
  expect(all).toMatch(/retrying in/);
  expect(all).toMatch(/fetched page/);
  expect(all).toMatch(/scanning again/);
});

test("a successful listing with retries and a rescan logs progress, and nothing secret", async () => {
  emulator.control.clearFaults();
  emulator.control.injectFaults({ kind: "status", status: 502, retryAfterSeconds: 0 }, { kind: "lieTotal", delta: 1, atRequest: 2 });
  logged.length = 0;
  const result = await listLogged(argsFor(emulator, { pageSize: 50 }));
  expect(result.totalCount).toBeGreaterThanOrEqual(120);
  const lines = logged.join("\n");
  expect(lines).toMatch(/fetched page 1\/3 \(50 of \d+ backups\)/);
  expect(lines).toMatch(/retrying in \d+ ms/);
  expect(lines).toMatch(/scanning again/);
  expectClean(lines);
});

test("settings and credentials print redacted, however they are printed", () => {
  const settings = resolveSettings(argsFor(emulator, { securityToken: "temporary-token" }), {
    stackConfig: () => undefined,
    env: {},
  }).connection;
  const printed = [
    String(settings.credentials),
    JSON.stringify(settings),
    inspect(settings, { depth: 8, showHidden: true }),
    `${settings.credentials}`,
  ].join("\n");
  expect(printed).toContain("redacted");
  expect(printed).not.toContain(emulator.credentials.secretKey);
  expect(printed).not.toContain("temporary-token");
});

test("the debug log of a plain listing names no secret either", async () => {
  emulator.control.clearFaults();
  const result = await list(argsFor(emulator));
  expectClean(JSON.stringify(result));
});
