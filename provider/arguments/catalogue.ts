/**
 * The argument catalogue: every argument of the listing once, with what it is, the rule its value
 * must follow, whether it is secret, where else it may come from (stack config, environment), its
 * default, and how the pinned resource takes it. Every key list in the package (the arguments a
 * resource reads back from its state, the secret ones, the config keys, the pin's choice) is
 * derived from here, so adding an argument is one entry plus its behaviour.
 *
 * The public shape with its documentation stays in ./types.ts; the `satisfies` below makes a
 * missing or extra entry a compile error, and `ArgumentValues` checks the rules' types against it.
 */
import { z } from "zod";
import {
  BACKUP_STATUSES,
  BACKUP_TYPES,
  FILTER_FIELDS,
  INSTANCE_ID_PATTERN,
  LANGUAGES,
  ORDER_FIELDS,
  ORDER_RULES,
  PAGE_SIZE_DEFAULT,
  PAGE_SIZE_MAX,
  PAGE_SIZE_MIN,
  PROJECT_ID_PATTERN,
  REGION_PATTERN,
} from "../api/rules";
import type { GetInstanceBackupsArgs } from "../types";
import { defineCatalogue, type EntrySpec, type NoneOf, type RuleMismatches } from "./define";
import { DURATION_FORM, parseDuration } from "./duration";
import { endpointProblem } from "./endpointUrl";

/**
 * - `query`: sent to the API;
 * - `choice`: applied to the fetched list, it decides which backups count;
 * - `connection`: where the API is and which project;
 * - `credential`: who is asking (always secret, taken as one set from one place);
 * - `transport`: how patiently to ask.
 */
export type ArgumentKind = "query" | "choice" | "connection" | "credential" | "transport";

/**
 * How `LatestCompletedBackup` takes an argument: a `choice` decides which backup is pinned (a
 * change pins anew), a `setting` is used but pins nothing, `absent` is not one of its inputs.
 */
export type PinRole = "choice" | "setting" | "absent";

export interface ArgumentSpec extends EntrySpec {
  readonly kind: ArgumentKind;
  /** Also read from stack config `taurusdb:<name>`. */
  readonly stackConfig?: boolean;
  /**
   * Also read from the Pulumi Huawei Cloud provider's stack config (`huaweicloud:<key>`), after
   * `taurusdb:*`; `toValue` adapts that provider's form.
   */
  readonly huaweicloud?: { readonly key: string; readonly toValue?: (value: string) => string };
  /** Environment variables, first set wins. Credentials use {@link CREDENTIAL_ENV_FAMILIES}. */
  readonly env?: readonly string[];
  readonly pin: PinRole;
  /** The command-line flag, when not the kebab-case name; secrets have none (not in `ps`). */
  readonly flag?: string;
}

const between = (min: number, max: number) => `must be an integer from ${min} to ${max}`;
export const integer = (min: number, max: number) =>
  z
    .number({ error: between(min, max) })
    .int({ error: between(min, max) })
    .min(min, { error: between(min, max) })
    .max(max, { error: between(min, max) });
export const oneOf = (values: readonly string[]) => `must be one of ${values.map((v) => JSON.stringify(v)).join(", ")}`;
export const enumOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: oneOf(values) });
const listOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .array(enumOf(values), { error: `must be a list of ${values.map((v) => JSON.stringify(v)).join(", ")}` })
    .min(1, { error: "must list at least one value, or be left out" });
const text = z.string({ error: "must be a string" });

/** Header values must be printable ASCII: a newline would inject a header. */
const headerSafe = (what: string) =>
  z
    .string({ error: `must be a string (${what})` })
    .min(1, { error: `must not be empty (${what})` })
    .regex(/^[\x21-\x7e]+$/, { error: `must be printable ASCII without spaces (${what})` });

/** An ISO 8601 date, or date and time with `Z` or an offset: a bare local time would be ambiguous. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
export const instantRule = text
  .regex(ISO_INSTANT, { error: 'must be ISO 8601 with a zone, e.g. "2026-01-04T09:30:30Z" or "2026-01-04"' })
  .refine(isRealDateTime, { error: "is not a real date and time" });

/** `Date.parse` rolls 2026-02-30 over into March; a calendar check does not. */
function isRealDateTime(value: string): boolean {
  const [year, month, day, hour = 0, minute = 0, second = 0] = (value.match(/\d+/g) ?? []).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60 &&
    !Number.isNaN(Date.parse(value))
  );
}

/** A duration of ./duration.ts, longer than zero. */
export const durationRule = text
  .regex(DURATION_FORM, { error: 'must be a duration such as "26h", "7d" or "1d12h" (units d, h, m)' })
  .refine((value) => parseDuration(value) > 0, { error: "must be longer than zero" });

/** An instance id, as the API's path and bodies take it. */
export const instanceIdRule = z
  .string({ error: 'is required: 36 letters or digits ending in "in07"' })
  .regex(INSTANCE_ID_PATTERN, { error: 'must be 36 letters or digits ending in "in07"' });

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const endpointRule = z
  .string({ error: "must be a URL string" })
  .min(1, { error: "must be a URL such as https://host" })
  .superRefine((value, ctx) => {
    const problem = endpointProblem(value);
    // A password in the URL is a secret: the value is quoted without it.
    if (problem) ctx.addIssue({ code: "custom", message: problem, input: value.replace(/\/\/[^/@]*@/, "//[redacted]@") });
  });

/** IAM's `authUrl` in the Huawei Cloud provider ends in `/v3`; the client adds that itself. */
const withoutV3 = (url: string) => url.replace(/\/v3\/?$/, "");

/** The listing's catalogue: its entries, names, secrets and defaults (see ./define.ts). */
export const LISTING = defineCatalogue({
  // What to list.
  instanceId: {
    kind: "query",
    pin: "choice",
    required: true,
    flag: "instance",
    rule: instanceIdRule,
  },
  orderField: { kind: "query", pin: "absent", rule: enumOf(ORDER_FIELDS) },
  orderRule: { kind: "query", pin: "absent", rule: enumOf(ORDER_RULES) },
  filterField: { kind: "query", pin: "choice", rule: enumOf(FILTER_FIELDS) },
  filterContent: {
    kind: "query",
    pin: "choice",
    rule: text
      .min(1, { error: "must not be empty; leave it out to list every backup" })
      .max(512, { error: "must be at most 512 characters" })
      .refine((value) => !LONE_SURROGATE.test(value), { error: "must be well-formed Unicode (it has a lone surrogate)" })
      .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), { error: "must not contain control characters" }),
  },
  pageSize: { kind: "query", pin: "setting", default: PAGE_SIZE_DEFAULT, rule: integer(PAGE_SIZE_MIN, PAGE_SIZE_MAX) },

  // Which of the listed backups count.
  statuses: { kind: "choice", pin: "absent", rule: listOf(BACKUP_STATUSES) },
  backupTypes: { kind: "choice", pin: "choice", rule: listOf(BACKUP_TYPES) },
  createdAfter: { kind: "choice", pin: "choice", rule: instantRule },
  createdBefore: { kind: "choice", pin: "choice", rule: instantRule },
  requireLatestCompleted: { kind: "choice", pin: "absent", default: false, rule: z.boolean({ error: "must be true or false" }) },
  maxAge: { kind: "choice", pin: "setting", rule: durationRule },

  // Where, and as whom.
  region: {
    kind: "connection",
    pin: "setting",
    stackConfig: true,
    huaweicloud: { key: "region" },
    env: ["HW_REGION_NAME"],
    rule: text.regex(REGION_PATTERN, { error: 'must be a region name such as "cn-north-4"' }),
  },
  projectId: {
    kind: "connection",
    pin: "setting",
    stackConfig: true,
    huaweicloud: { key: "projectId" },
    env: ["HUAWEICLOUD_SDK_PROJECT_ID", "HW_PROJECT_ID"],
    rule: text.regex(PROJECT_ID_PATTERN, { error: "must be 32 letters or digits" }),
  },
  endpoint: { kind: "connection", pin: "setting", stackConfig: true, env: ["TAURUSDB_ENDPOINT"], rule: endpointRule },
  iamEndpoint: {
    kind: "connection",
    pin: "setting",
    stackConfig: true,
    huaweicloud: { key: "authUrl", toValue: withoutV3 },
    env: ["HUAWEICLOUD_SDK_IAM_ENDPOINT"],
    rule: endpointRule,
  },
  accessKey: {
    kind: "credential",
    pin: "setting",
    secret: true,
    stackConfig: true,
    huaweicloud: { key: "accessKey" },
    rule: headerSafe("an access key"),
  },
  secretKey: {
    kind: "credential",
    pin: "setting",
    secret: true,
    stackConfig: true,
    huaweicloud: { key: "secretKey" },
    rule: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }),
  },
  securityToken: {
    kind: "credential",
    pin: "setting",
    secret: true,
    stackConfig: true,
    huaweicloud: { key: "securityToken" },
    rule: headerSafe("a security token"),
  },
  authToken: {
    kind: "credential",
    pin: "setting",
    secret: true,
    stackConfig: true,
    huaweicloud: { key: "token" },
    rule: headerSafe("an IAM token"),
  },

  // How patiently.
  language: { kind: "transport", pin: "setting", rule: enumOf(LANGUAGES) },
  maxConcurrency: { kind: "transport", pin: "setting", default: 16, rule: integer(1, 64) },
  maxAttempts: { kind: "transport", pin: "setting", default: 6, rule: integer(1, 20) },
  requestTimeoutMs: { kind: "transport", pin: "setting", default: 30_000, rule: integer(10, 600_000) },
  timeoutMs: { kind: "transport", pin: "setting", default: 300_000, rule: integer(10, 3_600_000) },
} satisfies { readonly [K in keyof Required<GetInstanceBackupsArgs>]: ArgumentSpec });

export const ARGUMENTS = LISTING.entries;
export type ArgumentName = keyof typeof ARGUMENTS;
/** The names of the arguments of one kind, as a type. */
export type NameOfKind<Kind extends ArgumentKind> = {
  [K in ArgumentName]: (typeof ARGUMENTS)[K]["kind"] extends Kind ? K : never;
}[ArgumentName];
export type CredentialName = NameOfKind<"credential">;
export type TransportName = NameOfKind<"transport">;

/** Each rule's type is the public interface's type of that argument, both ways: a drift is a compile error naming it. */
export type RulesMatchTypes = NoneOf<RuleMismatches<typeof ARGUMENTS, Required<GetInstanceBackupsArgs>>>;

export const ARGUMENT_NAMES = LISTING.names;
export const isArgumentName = LISTING.has;

/** The names of one kind, in catalogue order. */
export function namesOf(...kinds: ArgumentKind[]): ArgumentName[] {
  return LISTING.where((entry) => kinds.includes(entry.kind));
}

export const CREDENTIAL_NAMES = namesOf("credential") as CredentialName[];
export const SECRET_NAMES = LISTING.secretNames;

/** Arguments `LatestCompletedBackup` takes, and those of them whose change pins anew. */
export const PIN_INPUT_NAMES = LISTING.where((entry) => entry.pin !== "absent");
export const PIN_CHOICE_NAMES = LISTING.where((entry) => entry.pin === "choice");

/** The stack config namespace of this package. */
export const CONFIG_NAMESPACE = "taurusdb";
/** The Pulumi Huawei Cloud provider's namespace, read after ours for the settings they share. */
export const HUAWEICLOUD_NAMESPACE = "huaweicloud";

/**
 * AK/SK pairs in the environment, in order: the vendor's SDKs, their examples, the Terraform
 * provider. A set is taken from one family, never mixed across two.
 */
export const CREDENTIAL_ENV_FAMILIES: ReadonlyArray<Readonly<Partial<Record<CredentialName, string>>>> = [
  { accessKey: "HUAWEICLOUD_SDK_AK", secretKey: "HUAWEICLOUD_SDK_SK", securityToken: "HUAWEICLOUD_SDK_SECURITY_TOKEN" },
  { accessKey: "CLOUD_SDK_AK", secretKey: "CLOUD_SDK_SK" },
  { accessKey: "HW_ACCESS_KEY", secretKey: "HW_SECRET_KEY", securityToken: "HW_SECURITY_TOKEN" },
];

/** The default of an argument that has one. */
export const defaultOf = LISTING.defaultOf;

/** The command-line flag of an argument (without `--`), or undefined for secrets. */
export function flagOf(name: ArgumentName): string | undefined {
  const spec: ArgumentSpec = ARGUMENTS[name];
  if (spec.secret) return undefined;
  return spec.flag ?? name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
