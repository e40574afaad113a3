/**
 * The restore's arguments in one validation pass (provider/restore/settings.ts): each
 * value against its rule, the rules between them, and the listing's connection and credential
 * settings checked as the listing checks them, with every problem reported at once and no secret
 * (credential or password) quoted. Nothing here makes a request: there is no server.
 */
import { InvalidArgumentsError, MissingCredentialsError } from "../../../provider/errors";
import { RESTORE_ARGUMENT_NAMES, RESTORE_REPLACE_NAMES } from "../../../provider/restore/arguments";
import type { SettingSources } from "../../../provider/settings/sources";
import { resolveRestoreSettings, restoreIssues } from "../../../provider/restore/settings";

const SOURCE = "a".repeat(32) + "in07";
const TARGET = "b".repeat(32) + "in07";
const BACKUP = "c".repeat(32) + "br01";
const NO_SOURCES: SettingSources = { stackConfig: () => undefined, env: {} };
const CONNECTION = {
  endpoint: "https://gaussdb.example.com",
  projectId: "d".repeat(32),
  accessKey: "AK-EXAMPLE",
  secretKey: "SK-EXAMPLE-SECRET",
};

function problems(bag: Record<string, unknown>, sources = NO_SOURCES): string[] {
  return restoreIssues(bag, sources).map((issue) => `${issue.argument}: ${issue.problem}`);
}

const valid = { sourceInstanceId: SOURCE, targetInstanceId: TARGET, backupId: BACKUP, ...CONNECTION };

test("a valid restore has no problem; defaults fill type, timeout and poll interval", () => {
  expect(problems(valid)).toEqual([]);
  const { restore, connection, transport } = resolveRestoreSettings(valid, NO_SOURCES);
  expect(restore).toMatchObject({
    type: "backup",
    restoreTimeout: "60m",
    restoreTimeoutMs: 3_600_000,
    pollIntervalMs: 15_000,
    allowRestoreIntoSource: false,
  });
  expect(connection.endpoint).toBe("https://gaussdb.example.com");
  expect(transport).toMatchObject({ maxAttempts: 6, requestTimeoutMs: 30_000 });
});

test("every problem at once, each saying what is allowed", () => {
  const error = (() => {
    try {
      resolveRestoreSettings(
        { ...valid, sourceInstanceId: "prod", type: "snapshot", restoreTimeout: "0m", pollIntervalSeconds: 0, region: "CN" },
        NO_SOURCES,
      );
    } catch (e) {
      return e as InvalidArgumentsError;
    }
    throw new Error("expected invalid arguments");
  })();
  expect(error).toBeInstanceOf(InvalidArgumentsError);
  expect(error.message).toMatch(/^Invalid arguments for InstanceRestore:/);
  expect(error.message).toContain('sourceInstanceId: must be 36 letters or digits ending in "in07" (got "prod")');
  expect(error.message).toContain('type: must be one of "backup", "timestamp" (got "snapshot")');
  expect(error.message).toContain("restoreTimeout: must be longer than zero");
  expect(error.message).toContain("pollIntervalSeconds: must be an integer from 1 to 300 (got 0)");
  expect(error.message).toContain('region: must be a region name such as "cn-north-4"');
});

test.each([
  ["a backup restore without backupId", { backupId: undefined }, /backupId: is required with type "backup"/],
  ["a backup restore with restoreTime", { restoreTime: "2026-01-04T09:30:00Z" }, /restoreTime: goes with type "timestamp"/],
  [
    "a point-in-time restore without restoreTime",
    { type: "timestamp", backupId: undefined },
    /restoreTime: is required with type "timestamp"/,
  ],
  [
    "a point-in-time restore with backupId",
    { type: "timestamp", restoreTime: "2026-01-04T09:30:00Z" },
    /backupId: goes with type "backup"/,
  ],
  [
    "a restoreTime without a zone",
    { type: "timestamp", backupId: undefined, restoreTime: "2026-01-04T09:30:00" },
    /restoreTime: must be ISO 8601 with a zone/,
  ],
  [
    "a restoreTime that is a date alone",
    { type: "timestamp", backupId: undefined, restoreTime: "2026-01-04" },
    /restoreTime: must have a time of day and a zone/,
  ],
  [
    "a restoreTime that does not exist",
    { type: "timestamp", backupId: undefined, restoreTime: "2026-02-30T09:30:00Z" },
    /restoreTime: is not a real date and time/,
  ],
  ["a restoreTimeout over a day", { restoreTimeout: "2d" }, /restoreTimeout: must be at most 1d/],
  ["a restoreTimeout in seconds", { restoreTimeout: "90s" }, /restoreTimeout: must be a duration such as/],
  ["a backupId with spaces", { backupId: "my backup" }, /backupId: must be a backup id/],
  ["the target left out", { targetInstanceId: undefined }, /targetInstanceId: is required: 36 letters or digits/],
])("%s is refused", (_label, overrides, expected) => {
  expect(problems({ ...valid, ...overrides }).join("\n")).toMatch(expected);
});

test("the target must not be the source, unless allowRestoreIntoSource says so", () => {
  expect(problems({ ...valid, targetInstanceId: SOURCE })).toEqual([
    "targetInstanceId: is the source instance itself: the restore would overwrite the data it restores from. Choose another target, or set allowRestoreIntoSource: true",
  ]);
  expect(problems({ ...valid, targetInstanceId: SOURCE, allowRestoreIntoSource: true })).toEqual([]);
});

test("a weak admin password is refused saying which rule it breaks, never quoting it", () => {
  const cases: Array<[string, RegExp]> = [
    ["Sh0rt!", /must be 8 to 32 characters long/],
    ["alllowercaseletters", /must mix at least 3 of/],
    ["Has a space 1!", /must use only letters, digits and/],
  ];
  for (const [password, expected] of cases) {
    const found = problems({ ...valid, adminPassword: password }).join("\n");
    expect(found).toMatch(new RegExp(`adminPassword: ${expected.source}`));
    expect(found).not.toContain(password);
  }
  expect(problems({ ...valid, adminPassword: "Staging-Admin-7x!" })).toEqual([]);
});

test("credentials follow the listing's rule: a token and an AK/SK pair together are refused, naming where each came from", () => {
  const config: Record<string, string> = {
    "taurusdb:endpoint": "https://gaussdb.example.com",
    "taurusdb:projectId": "d".repeat(32),
    "taurusdb:accessKey": "AK-FROM-CONFIG",
    "taurusdb:secretKey": "SK-FROM-CONFIG",
    "taurusdb:authToken": "TOKEN-FROM-CONFIG",
  };
  const sources: SettingSources = { stackConfig: (key) => config[key], env: {} };
  const found = problems({ sourceInstanceId: SOURCE, targetInstanceId: TARGET, backupId: BACKUP }, sources).join("\n");
  expect(found).toContain(
    "credentials: both an IAM token (stack config taurusdb:authToken) and an AK/SK pair are set in stack config (taurusdb:*); give one of them",
  );
  for (const secret of ["AK-FROM-CONFIG", "SK-FROM-CONFIG", "TOKEN-FROM-CONFIG"]) expect(found).not.toContain(secret);
});

test("settings come from stack config and the environment as for the listing; none at all is missing credentials", () => {
  const env = {
    TAURUSDB_ENDPOINT: "https://gaussdb.example.com",
    HUAWEICLOUD_SDK_PROJECT_ID: "d".repeat(32),
    HUAWEICLOUD_SDK_AK: "AK-ENV",
    HUAWEICLOUD_SDK_SK: "SK-ENV",
  };
  const order = { sourceInstanceId: SOURCE, targetInstanceId: TARGET, backupId: BACKUP };
  const { connection } = resolveRestoreSettings(order, { stackConfig: () => undefined, env });
  expect(connection.credentials.identity).toBe("ak:AK-ENV");
  expect(() =>
    resolveRestoreSettings({ ...order, endpoint: "https://gaussdb.example.com", projectId: "d".repeat(32) }, NO_SOURCES),
  ).toThrow(MissingCredentialsError);
});

test("values not known yet (a preview) are not judged, but still count as given", () => {
  const UNKNOWN = Symbol("unknown");
  const found = restoreIssues({ ...valid, backupId: UNKNOWN, targetInstanceId: UNKNOWN }, NO_SOURCES, { isUnknown: (v) => v === UNKNOWN });
  expect(found).toEqual([]);
});

test("null stands for an input left out: no problem, its default applies, and it is not passed on to the listing", () => {
  const withNulls = {
    ...valid,
    type: null,
    restoreTime: null,
    adminPassword: null,
    allowRestoreIntoSource: null,
    region: null,
    iamEndpoint: null,
  };
  expect(problems(withNulls)).toEqual([]);
  const { restore, listingArgs } = resolveRestoreSettings(withNulls, NO_SOURCES);
  expect(restore).toMatchObject({ type: "backup", allowRestoreIntoSource: false, restoreTime: undefined });
  expect(listingArgs).toStrictEqual(CONNECTION);
});

test("a point-in-time restore with its restoreTime and no backupId has no problem", () => {
  const pointInTime = { ...valid, type: "timestamp", restoreTime: "2026-01-04T09:30:00Z", backupId: undefined };
  expect(problems(pointInTime)).toEqual([]);
  expect(resolveRestoreSettings(pointInTime, NO_SOURCES).restore.restoreTimeMs).toBe(Date.parse("2026-01-04T09:30:00Z"));
});

test("a type that is neither backup nor timestamp is refused for itself, asking for neither a backupId nor a restoreTime", () => {
  expect(problems({ ...valid, type: "snapshot" })).toEqual(['type: must be one of "backup", "timestamp" (got "snapshot")']);
});

test("a type not known yet asks for neither a backupId nor a restoreTime", () => {
  const UNKNOWN = Symbol("unknown");
  expect(restoreIssues({ ...valid, type: UNKNOWN }, NO_SOURCES, { isUnknown: (v) => v === UNKNOWN })).toEqual([]);
});

test("a source and a target both not known yet, or both left out, are not taken for the same instance", () => {
  const UNKNOWN = Symbol("unknown");
  const isUnknown = (v: unknown) => v === UNKNOWN;
  expect(restoreIssues({ ...valid, sourceInstanceId: UNKNOWN, targetInstanceId: UNKNOWN }, NO_SOURCES, { isUnknown })).toEqual([]);
  expect(problems({ ...valid, sourceInstanceId: undefined, targetInstanceId: undefined })).toEqual([
    'sourceInstanceId: is required: 36 letters or digits ending in "in07"',
    'targetInstanceId: is required: 36 letters or digits ending in "in07"',
  ]);
});

test("what replaces a restore is the catalogue's: the source, the target, the type, the backup, the time and the keepers", () => {
  expect(RESTORE_REPLACE_NAMES).toEqual(["sourceInstanceId", "targetInstanceId", "type", "backupId", "restoreTime", "keepers"]);
  expect(RESTORE_ARGUMENT_NAMES.filter((name) => !RESTORE_REPLACE_NAMES.includes(name))).toEqual([
    "allowRestoreIntoSource",
    "adminPassword",
    "restoreTimeout",
    "pollIntervalSeconds",
  ]);
});
