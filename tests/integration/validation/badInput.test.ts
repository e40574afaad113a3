/**
 * The bad-input matrix: every argument with wrong types, empty values, boundaries and hostile
 * strings. Invalid input gets an error that says what is allowed and makes no request (counted on
 * the emulator); valid input at the edges works, encoded and signed correctly.
 */
import { CREDENTIAL_NAMES } from "../../../provider/arguments/catalogue";
import { PIN_OPTIONS } from "../../../provider/arguments/resourceOptions";
import { InvalidArgumentsError, MissingCredentialsError } from "../../../provider/errors";
import type { GetInstanceBackupsArgs } from "../../../provider/types";
import type { RunningEmulator } from "../../../provider/emulator";
import { startEmulator } from "../../../provider/emulator";
import { mergeSettings } from "../../../provider/settings/merge";
import { NO_STACK_CONFIG } from "../../../provider/settings/sources";
import { describe as quoted } from "../../../provider/validation/issues";
import { optionIssues, settingsIssues, validateSettings, valueIssues, type CheckOptions } from "../../../provider/validation/validate";
import { argsFor, list, rejectionOf } from "../../support/emulator";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ backups: 30 });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.control.resetStats());

type Case = [string, Record<string, unknown>, RegExp];
const SECRET = "s3cr3t-value-that-must-not-leak";

const invalid: Case[] = [
  ["instanceId missing", { instanceId: undefined }, /instanceId: is required: 36 letters or digits ending in "in07"/],
  ["instanceId a number", { instanceId: 42 }, /instanceId: is required: 36 letters or digits ending in "in07" \(got 42\)/],
  ["instanceId empty", { instanceId: "" }, /instanceId: must be 36 letters or digits ending in "in07"/],
  ["instanceId 35 characters", { instanceId: "a".repeat(31) + "in07" }, /instanceId: must be 36/],
  ["instanceId 37 characters", { instanceId: "a".repeat(33) + "in07" }, /instanceId: must be 36/],
  ["instanceId without in07", { instanceId: "a".repeat(36) }, /instanceId: must be 36 letters or digits ending in "in07"/],
  ["instanceId with a dash", { instanceId: "a".repeat(31) + "-in07" }, /instanceId: must be 36/],
  ["instanceId with unicode", { instanceId: "é".repeat(32) + "in07" }, /instanceId: must be 36/],
  ["projectId 31 characters", { projectId: "a".repeat(31) }, /projectId: must be 32 letters or digits/],
  ["projectId with symbols", { projectId: "a".repeat(31) + "!" }, /projectId: must be 32 letters or digits/],
  ["region upper case", { region: "CN-NORTH-4" }, /region: must be a region name such as "cn-north-4"/],
  [
    "unknown region without an endpoint",
    { region: "xx-north-9", endpoint: undefined, projectId: undefined },
    /has no known TaurusDB endpoint/,
  ],
  ["endpoint not a URL", { endpoint: "gaussdb.example" }, /must be an absolute URL/],
  ["endpoint ftp", { endpoint: "ftp://127.0.0.1/" }, /endpoint: must use https \(got "ftp:\/\/127.0.0.1\/"\)/],
  [
    "endpoint plain http to a remote host",
    { endpoint: "http://gaussdb.cn-north-4.myhuaweicloud.com" },
    /plain http is allowed only to loopback addresses/,
  ],
  // Names that only look like loopback addresses resolve anywhere.
  ["endpoint plain http to a host named 127.*", { endpoint: "http://127.0.0.1.nip.io" }, /plain http is allowed only to loopback/],
  ["endpoint plain http to 127.evil.example", { endpoint: "http://127.evil.example/" }, /plain http is allowed only to loopback/],
  ["endpoint with a password", { endpoint: "https://user:pw@example.com" }, /must not carry a user name or password/],
  ["endpoint with a query", { endpoint: "https://example.com/?x=1" }, /must not have a query string/],
  ["endpoint empty", { endpoint: "" }, /endpoint: must be a URL/],
  ["accessKey with a newline", { accessKey: `AK\nX-Injected: 1` }, /accessKey: must be printable ASCII without spaces/],
  ["secretKey empty", { secretKey: "" }, /secretKey: must not be empty/],
  ["authToken with a space", { accessKey: undefined, secretKey: undefined, authToken: "a b" }, /authToken: must be printable ASCII/],
  ["language French", { language: "fr-fr" }, /language: must be one of "en-us", "zh-cn"/],
  ["orderField size", { orderField: "size" }, /orderField: must be one of "name", "beginTime", "type"/],
  ["orderRule up", { orderField: "name", orderRule: "up" }, /orderRule: must be one of "asc", "desc"/],
  ["orderRule without orderField", { orderRule: "asc" }, /orderRule: goes with orderField/],
  ["filterField id", { filterField: "id", filterContent: "x" }, /filterField: must be one of "name"/],
  ["filterField without filterContent", { filterField: "name" }, /filterField: goes with filterContent/],
  ["filterContent empty", { filterContent: "" }, /filterContent: must not be empty/],
  ["filterContent with a lone surrogate", { filterContent: "bad\ud800" }, /well-formed Unicode/],
  ["filterContent with a newline", { filterContent: "a\nb" }, /must not contain control characters/],
  ["filterContent too long", { filterContent: "x".repeat(513) }, /at most 512 characters/],
  ["pageSize 0", { pageSize: 0 }, /pageSize: must be an integer from 1 to 100 \(got 0\)/],
  ["pageSize 101", { pageSize: 101 }, /pageSize: must be an integer from 1 to 100 \(got 101\)/],
  ["pageSize 1.5", { pageSize: 1.5 }, /pageSize: must be an integer from 1 to 100/],
  ["pageSize a string", { pageSize: "10" }, /pageSize: must be an integer from 1 to 100 \(got "10"\)/],
  ["statuses empty", { statuses: [] }, /statuses: must list at least one value/],
  ["statuses unknown", { statuses: ["DONE"] }, /statuses\[0\]: must be one of "BUILDING", "COMPLETED", "FAILED", "DELETING"/],
  ["statuses a string", { statuses: "COMPLETED" }, /statuses: must be a list of/],
  ["backupTypes unknown", { backupTypes: ["Physical"] }, /backupTypes\[0\]: must be one of "Db", "Snapshot"/],
  ["createdAfter prose", { createdAfter: "yesterday" }, /createdAfter: must be ISO 8601 with a zone/],
  ["createdAfter without a zone", { createdAfter: "2026-01-04T10:00:00" }, /createdAfter: must be ISO 8601 with a zone/],
  ["createdBefore not a date", { createdBefore: "2026-02-30" }, /createdBefore: is not a real date and time/],
  [
    "an empty creation window",
    { createdAfter: "2026-05-01T00:00:00Z", createdBefore: "2026-04-01T00:00:00Z" },
    /createdBefore: must be later than createdAfter/,
  ],
  ["requireLatestCompleted a string", { requireLatestCompleted: "yes" }, /requireLatestCompleted: must be true or false/],
  ["maxConcurrency 0", { maxConcurrency: 0 }, /maxConcurrency: must be an integer from 1 to 64/],
  ["maxConcurrency 65", { maxConcurrency: 65 }, /maxConcurrency: must be an integer from 1 to 64/],
  ["maxAttempts 0", { maxAttempts: 0 }, /maxAttempts: must be an integer from 1 to 20/],
  ["requestTimeoutMs 5", { requestTimeoutMs: 5 }, /requestTimeoutMs: must be an integer from 10 to 600000/],
  ["timeoutMs a string", { timeoutMs: "1000" }, /timeoutMs: must be an integer/],
  ["a misspelt argument", { instanceID: "x" }, /instanceID: is not an argument of this function/],
];

describe("invalid input is refused before any request", () => {
  test.each(invalid)("%s", async (_label, overrides, message) => {
    const error = await rejectionOf(list({ ...argsFor(emulator), ...overrides } as GetInstanceBackupsArgs));
    expect(error).toBeInstanceOf(InvalidArgumentsError);
    expect(error.message).toMatch(message);
    expect(emulator.control.stats().requests).toBe(0);
  });

  test.each([null, "abc", ["instanceId"], 7])("arguments that are not an object (%p)", async (args) => {
    const error = await rejectionOf(list(args as unknown as GetInstanceBackupsArgs));
    expect(error.message).toMatch(/must be an object with at least instanceId/);
  });

  test("every problem is listed at once", async () => {
    const error = (await rejectionOf(
      list({ ...argsFor(emulator), pageSize: 0, language: "fr" as never, orderRule: "asc" }),
    )) as InvalidArgumentsError;
    expect(error.issues.map((i) => i.argument).sort()).toEqual(["language", "orderRule", "pageSize"]);
  });

  test("a secret value is never echoed", async () => {
    for (const overrides of [
      { accessKey: `${SECRET} x` },
      { authToken: `${SECRET}\n`, accessKey: undefined, secretKey: undefined },
      { securityToken: `${SECRET} y` },
    ]) {
      const error = await rejectionOf(list({ ...argsFor(emulator), ...overrides }));
      expect(error.message).not.toContain(SECRET);
    }
  });
});

describe("malformed credentials", () => {
  test.each([
    [
      "an access key without its secret",
      { secretKey: undefined },
      /credentials: incomplete in arguments: accessKey is set, but a secret key is not/,
    ],
    [
      "a secret key without its access key",
      { accessKey: undefined },
      /credentials: incomplete in arguments: secretKey is set, but an access key is not/,
    ],
    [
      "only a security token",
      { accessKey: undefined, secretKey: undefined, securityToken: "t" },
      /credentials: incomplete in arguments: securityToken is set, but an access key is not/,
    ],
    [
      "both a token and an AK/SK pair",
      { authToken: "t" },
      /credentials: both an IAM token \(authToken\) and an AK\/SK pair are set in arguments; give one of them/,
    ],
  ] as Case[])("%s: invalid, not missing", async (_label, overrides, message) => {
    const error = await rejectionOf(list({ ...argsFor(emulator), ...overrides } as GetInstanceBackupsArgs));
    expect(error).toBeInstanceOf(InvalidArgumentsError);
    expect(error).not.toBeInstanceOf(MissingCredentialsError);
    expect(error.message).toMatch(message);
    expect(emulator.control.stats().requests).toBe(0);
  });

  test("none anywhere: MissingCredentialsError naming every place they can come from", async () => {
    const error = await rejectionOf(list({ ...argsFor(emulator), accessKey: undefined, secretKey: undefined }));
    expect(error).toBeInstanceOf(MissingCredentialsError);
    expect(error.message).toMatch(
      /credentials: none found. Give them in one of these ways:[\s\S]*arguments[\s\S]*stack config[\s\S]*environment/,
    );
    expect(emulator.control.stats().requests).toBe(0);
  });

  test("malformed credentials from the environment are named by variable, without their value", async () => {
    const error = await rejectionOf(
      list(
        { instanceId: emulator.instanceId, projectId: emulator.projectId, endpoint: emulator.url },
        {
          sources: { stackConfig: () => undefined, env: { HW_ACCESS_KEY: `${SECRET} z`, HW_SECRET_KEY: "sk" } },
        },
      ),
    );
    expect(error.message).toMatch(/environment variable HW_ACCESS_KEY: must be printable ASCII without spaces/);
    expect(error.message).not.toContain(SECRET);
  });

  test("a malformed project id from stack config is named by key", async () => {
    const error = await rejectionOf(
      list(
        { ...argsFor(emulator), projectId: undefined },
        { sources: { stackConfig: (key) => (key === "taurusdb:projectId" ? "short" : undefined), env: {} } },
      ),
    );
    expect(error.message).toMatch(/stack config taurusdb:projectId: must be 32 letters or digits/);
  });
});

describe("valid input at the edges works", () => {
  test.each([1, 100])("pageSize %i", async (pageSize) => {
    const result = await list(argsFor(emulator, { pageSize }));
    expect(result.totalCount).toBe(30);
    expect(emulator.control.stats().byRoute.backups).toBe(Math.ceil(30 / pageSize));
  });

  test.each([
    "'; DROP TABLE backups; --",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "%00%2F%25",
    "a&offset=9999&limit=1",
    "name=x#frag",
    "日本語のバックアップ",
    "emoji 🚀 and spaces",
    "+plus+signs+",
  ])("filterContent %p is sent verbatim and signed correctly", async (filterContent) => {
    const added = emulator.control.addBackup({ name: `manual ${filterContent}`, status: "COMPLETED" });
    try {
      const result = await list(argsFor(emulator, { filterContent }));
      expect(result.backups.map((b) => b.id)).toEqual([added.id]);
      const [logged] = emulator.control.requests();
      expect(logged.query.filter_content).toBe(filterContent);
      expect(logged.query.offset).toBe("0");
      expect(emulator.control.stats().authFailures).toBe(0);
    } finally {
      emulator.control.deleteBackup(added.id);
    }
  });

  test("http to loopback by name and by address", async () => {
    const port = new URL(emulator.url).port;
    for (const endpoint of [`http://127.0.0.1:${port}`, `http://localhost:${port}/`]) {
      expect((await list(argsFor(emulator, { endpoint }))).totalCount).toBe(30);
    }
  });
});

describe("the checks on their own, without a listing", () => {
  const NO_SOURCES = { stackConfig: NO_STACK_CONFIG, env: {} };
  const valid = {
    instanceId: "a".repeat(32) + "in07",
    projectId: "d".repeat(32),
    endpoint: "https://gaussdb.example.com",
    accessKey: "AK-EXAMPLE",
    secretKey: "SK-EXAMPLE-SECRET",
  };
  const problems = (args: Record<string, unknown>, options: CheckOptions = {}) =>
    settingsIssues(mergeSettings(args, NO_SOURCES), options).map((issue) => `${issue.argument}: ${issue.problem}`);

  test("filterField with its filterContent is no problem", () => {
    expect(problems({ ...valid, filterField: "name", filterContent: "daily" })).toEqual([]);
  });

  test("a creation window is empty when createdBefore equals createdAfter; an earlier createdAfter is fine", () => {
    const at = "2026-04-01T00:00:00Z";
    expect(problems({ ...valid, createdAfter: at, createdBefore: at })).toEqual(["createdBefore: must be later than createdAfter"]);
    expect(problems({ ...valid, createdAfter: at, createdBefore: "2026-04-01T00:00:01Z" })).toEqual([]);
  });

  test("a malformed region without an endpoint is named once, for its form, not also as a region without an endpoint", () => {
    expect(problems({ ...valid, endpoint: undefined, region: "CN-NORTH-4" })).toEqual([
      'region: must be a region name such as "cn-north-4" (got "CN-NORTH-4")',
    ]);
  });

  test("a value not known yet takes no part in the rules between values, however valid it looks", () => {
    const placeholder = "2026-05-01T00:00:00Z";
    const isUnknown = (value: unknown) => value === placeholder;
    expect(problems({ ...valid, createdAfter: placeholder, createdBefore: "2026-04-01T00:00:00Z" }, { isUnknown })).toEqual([]);
  });

  test("a token with only an access key, or only a secret key, is still two kinds of credentials at once", () => {
    const both = "credentials: both an IAM token (authToken) and an AK/SK pair are set in arguments; give one of them";
    expect(problems({ ...valid, secretKey: undefined, authToken: "token" })).toEqual([both]);
    expect(problems({ ...valid, accessKey: undefined, authToken: "token" })).toEqual([both]);
  });

  test("an access key and a security token without the secret key are named together", () => {
    expect(problems({ ...valid, secretKey: undefined, securityToken: "temporary" })).toEqual([
      "credentials: incomplete in arguments: accessKey and securityToken are set, but a secret key is not; an AK/SK pair is taken from one place",
    ]);
  });

  test("a missing required value is named without quoting the missing value", () => {
    expect(valueIssues(mergeSettings({}, NO_SOURCES), ["instanceId"])).toEqual([
      { argument: "instanceId", problem: 'is required: 36 letters or digits ending in "in07"' },
    ]);
  });

  test("what a listing runs with holds no credential, and no key for an argument neither given nor defaulted", () => {
    const { args, connection } = validateSettings(mergeSettings(valid, NO_SOURCES));
    expect(args.instanceId).toBe(valid.instanceId);
    expect(Object.keys(args).filter((name) => (CREDENTIAL_NAMES as readonly string[]).includes(name))).toEqual([]);
    expect(Object.entries(args).filter(([, value]) => value === undefined)).toEqual([]);
    expect("orderField" in args).toBe(false);
    expect(connection.credentials.identity).toBe("ak:AK-EXAMPLE");
  });

  test("a resource's own inputs: a bad one is named with what was given; absent, null and unknown ones wait", () => {
    const UNKNOWN = Symbol("unknown");
    expect(optionIssues({ onExpired: "never", keepers: null }, PIN_OPTIONS)).toEqual([
      { argument: "onExpired", problem: 'must be one of "keep", "repin", "fail" (got "never")' },
    ]);
    expect(optionIssues({ keepers: { build: 7 } }, PIN_OPTIONS)).toEqual([
      { argument: "keepers.build", problem: "must be a string (got 7)" },
    ]);
    expect(optionIssues({ onExpired: "repin", keepers: { build: "7" } }, PIN_OPTIONS)).toEqual([]);
    expect(optionIssues({}, PIN_OPTIONS)).toEqual([]);
    expect(optionIssues({ onExpired: null, keepers: undefined }, PIN_OPTIONS)).toEqual([]);
    expect(optionIssues({ onExpired: UNKNOWN }, PIN_OPTIONS, { isUnknown: (value) => value === UNKNOWN })).toEqual([]);
  });
});

describe("how a given value is quoted in a problem", () => {
  test("a string of up to 60 characters whole, a longer one cut to 57 and '...'", () => {
    expect(quoted("x".repeat(60))).toBe(JSON.stringify("x".repeat(60)));
    expect(quoted("y".repeat(61))).toBe(JSON.stringify(`${"y".repeat(57)}...`));
  });

  test("null, numbers and booleans as themselves; lists and objects by their kind only", () => {
    expect(quoted(null)).toBe("null");
    expect(quoted(42)).toBe("42");
    expect(quoted(false)).toBe("false");
    expect(quoted(["secret"])).toBe("an array");
    expect(quoted({ key: "secret" })).toBe("an object");
  });
});
