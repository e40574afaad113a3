/**
 * The rules every argument must follow, checked before any request. Each message says what is
 * allowed, so a typo in a stack fails at preview with a sentence, not a 400 from the gateway.
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
  PAGE_SIZE_MAX,
  PAGE_SIZE_MIN,
  PROJECT_ID_PATTERN,
  REGION_PATTERN,
} from "../api/rules";
import { InvalidArgumentsError, type ArgumentIssue } from "../errors";
import type { GetInstanceBackupsArgs } from "../types";
import { toArgumentIssues } from "./issues";

const oneOf = (values: readonly string[]) => `must be one of ${values.map((v) => JSON.stringify(v)).join(", ")}`;
const integer = (min: number, max: number) =>
  z.number({ error: `must be an integer from ${min} to ${max}` }).int({ error: `must be an integer from ${min} to ${max}` })
    .min(min, { error: `must be an integer from ${min} to ${max}` }).max(max, { error: `must be an integer from ${min} to ${max}` });
const enumOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: oneOf(values) });
const listOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(enumOf(values), { error: `must be a list of ${oneOf(values).replace("must be one of ", "")}` })
    .min(1, { error: "must list at least one value, or be left out" });

/** Header values must be printable ASCII: a newline would inject a header. */
const headerSafe = (what: string) =>
  z.string({ error: `must be a string (${what})` })
    .min(1, { error: `must not be empty (${what})` })
    .regex(/^[\x21-\x7e]+$/, { error: `must be printable ASCII without spaces (${what})` });

/** An ISO 8601 date, or date and time with `Z` or an offset: a bare local time would be ambiguous. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
const instant = z
  .string({ error: "must be an ISO 8601 string" })
  .regex(ISO_INSTANT, { error: 'must be ISO 8601 with a zone, e.g. "2026-01-04T09:30:30Z" or "2026-01-04"' })
  .refine(isRealDateTime, { error: "is not a real date and time" });

/** `Date.parse` rolls 2026-02-30 over into March; a calendar check does not. */
function isRealDateTime(value: string): boolean {
  const [year, month, day, hour = 0, minute = 0, second = 0] = (value.match(/\d+/g) ?? []).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60 && !Number.isNaN(Date.parse(value));
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const endpointUrl = z.string({ error: "must be a URL string" }).min(1, { error: "must be a URL such as https://host" });

export const argsSchema = z
  .strictObject({
    instanceId: z
      .string({ error: 'is required: 36 letters or digits ending in "in07"' })
      .regex(INSTANCE_ID_PATTERN, { error: 'must be 36 letters or digits ending in "in07"' }),
    projectId: z.string({ error: "must be a string" }).regex(PROJECT_ID_PATTERN, { error: "must be 32 letters or digits" }).optional(),
    region: z
      .string({ error: "must be a string" })
      .regex(REGION_PATTERN, { error: 'must be a region name such as "cn-north-4"' })
      .optional(),
    endpoint: endpointUrl.optional(),
    iamEndpoint: endpointUrl.optional(),
    accessKey: headerSafe("an access key").optional(),
    secretKey: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }).optional(),
    securityToken: headerSafe("a security token").optional(),
    authToken: headerSafe("an IAM token").optional(),
    language: enumOf(LANGUAGES).optional(),
    orderField: enumOf(ORDER_FIELDS).optional(),
    orderRule: enumOf(ORDER_RULES).optional(),
    filterField: enumOf(FILTER_FIELDS).optional(),
    filterContent: z
      .string({ error: "must be a string" })
      .min(1, { error: "must not be empty; leave it out to list every backup" })
      .max(512, { error: "must be at most 512 characters" })
      .refine((value) => !LONE_SURROGATE.test(value), { error: "must be well-formed Unicode (it has a lone surrogate)" })
      .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), { error: "must not contain control characters" })
      .optional(),
    pageSize: integer(PAGE_SIZE_MIN, PAGE_SIZE_MAX).optional(),
    statuses: listOf(BACKUP_STATUSES).optional(),
    backupTypes: listOf(BACKUP_TYPES).optional(),
    createdAfter: instant.optional(),
    createdBefore: instant.optional(),
    requireLatestCompleted: z.boolean({ error: "must be true or false" }).optional(),
    maxConcurrency: integer(1, 64).optional(),
    maxAttempts: integer(1, 20).optional(),
    requestTimeoutMs: integer(10, 600_000).optional(),
    timeoutMs: integer(10, 3_600_000).optional(),
  });

/**
 * Rules between arguments. Checked on the raw input, so they are reported together with the
 * per-argument problems rather than only once those are fixed.
 */
function crossFieldIssues(args: Record<string, unknown>): ArgumentIssue[] {
  const issues: ArgumentIssue[] = [];
  if (args.orderRule !== undefined && args.orderField === undefined) {
    issues.push({ argument: "orderRule", problem: `goes with orderField (${oneOf(ORDER_FIELDS)}); set orderField too` });
  }
  if (args.filterField !== undefined && args.filterContent === undefined) {
    issues.push({ argument: "filterField", problem: "goes with filterContent; set the text to filter by" });
  }
  const after = typeof args.createdAfter === "string" ? Date.parse(args.createdAfter) : NaN;
  const before = typeof args.createdBefore === "string" ? Date.parse(args.createdBefore) : NaN;
  if (after >= before) issues.push({ argument: "createdBefore", problem: "must be later than createdAfter" });
  return issues;
}

/**
 * Checks arguments against every rule and returns them with `undefined` fields dropped.
 * Throws {@link InvalidArgumentsError} listing every problem at once.
 */
export function validateArgs(args: unknown, context = "getInstanceBackups"): GetInstanceBackupsArgs {
  if (args === null || typeof args !== "object" || Array.isArray(args)) {
    throw new InvalidArgumentsError([{ argument: "(arguments)", problem: "must be an object with at least instanceId" }], context);
  }
  const defined = Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined));
  const result = argsSchema.safeParse(defined, { reportInput: true });
  const issues = [...(result.success ? [] : toArgumentIssues(result.error.issues)), ...crossFieldIssues(defined)];
  if (issues.length > 0) throw new InvalidArgumentsError(issues, context);
  return result.data!;
}
