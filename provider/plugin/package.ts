/**
 * The seam between the plugin and the package's core: the ONLY file in `provider/plugin/` that
 * imports from the rest of `provider/`. It holds
 *   1. the argument table the schema is built from (to be fed later from the core's argument
 *      catalogue instead), and
 *   2. the core objects the plugin runs: configuration checks, the listing behind
 *      `getInstanceBackups`, and the `latestCompletedBackup` dynamic-provider object behind the
 *      `LatestCompletedBackup` resource.
 * Everything else in the plugin sees only the {@link PluginPackage} interface below.
 */
import type * as pulumi from "@pulumi/pulumi";
import { BACKUP_STATUSES, BACKUP_TYPES, FILTER_FIELDS, LANGUAGES, ORDER_FIELDS, ORDER_RULES, PAGE_SIZE_MAX } from "../api/rules";
import { InvalidArgumentsError } from "../errors";
import { listInstanceBackups } from "../listing";
import { CREDENTIAL_KEYS, UNKNOWN as CORE_UNKNOWN } from "../resources/inputs";
import { latestCompletedBackup } from "../resources/runtime";
import { endpointProblem } from "../settings/endpointUrl";
import { serviceEndpoint } from "../settings/endpoints";
import { CONFIG_KEYS, CONFIG_NAMESPACE, type StackConfigReader } from "../settings/sources";
import { validateArgs } from "../validation/args";
import { PACKAGE_VERSION } from "../version";
import type { ArgumentDescription, PackageDescription, PropertyDescription } from "./schema";

/** Where an argument belongs: the layout below places each group in config, function and resource. */
export type ArgumentGroup = "connection" | "transport" | "choice" | "listing" | "pinning";

/** A dynamic-provider object, as the core implements each resource today. */
export type CoreResourceProvider = pulumi.dynamic.ResourceProvider;

/** One problem with one argument or configuration key; the problem never quotes a secret. */
export interface Issue {
  readonly key: string;
  readonly problem: string;
}

export interface PluginPackage {
  readonly description: PackageDescription<ArgumentGroup>;
  /** Names of the provider configuration keys (`taurusdb:<key>`). */
  readonly configKeys: readonly string[];
  /** Arguments that are credentials: always secret, never in a resource's outputs. */
  readonly credentialKeys: readonly string[];
  /** Problems with the values of a provider configuration (absent values are not problems: the environment may supply them). */
  configIssues(config: Readonly<Record<string, string>>): Issue[];
  /** Hands the provider configuration to the core objects that read stack config. */
  configure(config: StackConfigReader): void;
  /** `getInstanceBackups`: lists with the given arguments; settings not given come from the configuration, then the environment. */
  listBackups(args: Record<string, unknown>, config: StackConfigReader): Promise<Record<string, unknown>>;
  /** The issues of an error that reports invalid arguments, or undefined for any other error. */
  argumentIssues(error: unknown): Issue[] | undefined;
  readonly latestCompletedBackup: {
    readonly provider: CoreResourceProvider;
    /** How the core object expects a value that is not known yet (the dynamic-provider convention). */
    readonly unknownPlaceholder: string;
    /** Outputs the core object computes, as opposed to inputs it echoes. */
    readonly computedOutputs: readonly string[];
  };
}

// ---------------------------------------------------------------------------------------------
// The argument table. Descriptions follow provider/types.ts; the groups say where each argument is
// accepted (see LAYOUT).

const oneOf = (values: readonly string[]) => values.map((v) => `\`${v}\``).join(", ");
const secretNote = "A secret: never in outputs or logs, and encrypted wherever Pulumi stores it. Falls back to provider configuration, then the environment.";

const ARGUMENTS: readonly ArgumentDescription<ArgumentGroup>[] = [
  { group: "choice", name: "instanceId", type: "string", required: true, description: "TaurusDB instance id: 36 letters or digits ending in `in07`." },
  { group: "connection", name: "region", type: "string", description: "Region, e.g. `cn-north-4`. Chooses the endpoint and, without `projectId`, the project. Falls back to `taurusdb:region`, then `HW_REGION_NAME`." },
  { group: "connection", name: "projectId", type: "string", description: "Project id (32 letters or digits). Found through IAM from the region when left out. Falls back to `taurusdb:projectId`, then `HUAWEICLOUD_SDK_PROJECT_ID` or `HW_PROJECT_ID`." },
  { group: "connection", name: "endpoint", type: "string", description: "Overrides the endpoint from the region table (private clouds, proxies, the emulator): `https`, or `http` to loopback only." },
  { group: "connection", name: "iamEndpoint", type: "string", description: "Overrides the IAM endpoint used to find the project id." },
  { group: "connection", name: "accessKey", type: "string", secret: true, description: `Access key of an AK/SK pair; requests are signed with \`SDK-HMAC-SHA256\`. ${secretNote}` },
  { group: "connection", name: "secretKey", type: "string", secret: true, description: `Secret key of an AK/SK pair. Never sent or logged. ${secretNote}` },
  { group: "connection", name: "securityToken", type: "string", secret: true, description: `Security token of a temporary AK/SK pair (\`X-Security-Token\`). ${secretNote}` },
  { group: "connection", name: "authToken", type: "string", secret: true, description: `An IAM user token, sent as \`X-Auth-Token\`, instead of an AK/SK pair. ${secretNote}` },
  { group: "transport", name: "language", type: "string", description: `Language of the API's error messages (\`X-Language\`): ${oneOf(LANGUAGES)}. Default \`en-us\`.` },
  { group: "transport", name: "maxConcurrency", type: "integer", description: "Cap on requests in flight while paging, 1 to 64. Default 16." },
  { group: "transport", name: "maxAttempts", type: "integer", description: "Attempts per request for throttling, 502/503/504 and network errors, 1 to 20. Default 6." },
  { group: "transport", name: "requestTimeoutMs", type: "integer", description: "Deadline of one request, in milliseconds. Default 30000." },
  { group: "transport", name: "timeoutMs", type: "integer", description: "Deadline of the whole listing, retries and rescans included, in milliseconds. Default 300000." },
  { group: "listing", name: "orderField", type: "string", description: `Sent to the API: sort by ${oneOf(ORDER_FIELDS)}.` },
  { group: "listing", name: "orderRule", type: "string", description: `Sent to the API with \`orderField\`: ${oneOf(ORDER_RULES)}.` },
  { group: "choice", name: "filterField", type: "string", description: `Sent to the API: the field to filter on (${oneOf(FILTER_FIELDS)}), with \`filterContent\`.` },
  { group: "choice", name: "filterContent", type: "string", description: "Sent to the API: the text backup names are filtered by." },
  { group: "choice", name: "pageSize", type: "integer", description: `Records per page, 1 to ${PAGE_SIZE_MAX}. Default ${PAGE_SIZE_MAX}.` },
  { group: "listing", name: "statuses", type: { arrayOf: "string" }, description: `Applied after fetching: keep only these statuses (${oneOf(BACKUP_STATUSES)}).` },
  { group: "choice", name: "backupTypes", type: { arrayOf: "string" }, description: `Applied after fetching: keep only these backup types (${oneOf(BACKUP_TYPES)}).` },
  { group: "choice", name: "createdAfter", type: "string", description: "Applied after fetching: keep backups created at or after this ISO 8601 instant (with a zone)." },
  { group: "choice", name: "createdBefore", type: "string", description: "Applied after fetching: keep backups created strictly before this ISO 8601 instant (with a zone)." },
  { group: "listing", name: "requireLatestCompleted", type: "boolean", description: "Fail with a clear error when no COMPLETED backup matches, so a restore is never wired to nothing." },
  { group: "pinning", name: "keepers", type: { mapOf: "string" }, description: "Arbitrary strings; changing any of them resolves the newest COMPLETED backup again." },
];

const BACKUP_PROPERTIES: readonly PropertyDescription[] = [
  { name: "id", type: "string", required: true, description: "Backup id." },
  { name: "name", type: "string", required: true, description: "Backup name." },
  { name: "description", type: "string", required: true, description: "Backup description." },
  { name: "instanceId", type: "string", required: true, description: "Id of the instance the backup belongs to." },
  { name: "instanceName", type: "string", required: true, description: "Name of the instance the backup belongs to." },
  { name: "status", type: "string", required: true, description: `One of ${oneOf(BACKUP_STATUSES)}.` },
  { name: "sizeKb", type: "number", required: true, description: "Size in kilobytes." },
  { name: "createdAt", type: "string", required: true, description: "Creation instant, ISO 8601 UTC ending in `Z`, from the API's wall-clock `created` and `time_zone`." },
  { name: "updatedAt", type: "string", required: true, description: "Last update instant, ISO 8601 UTC ending in `Z`." },
  { name: "timeZone", type: "string", required: true, description: "The time zone the API reported, as sent (e.g. `UTC+08:00`)." },
  { name: "backupType", type: "string", required: true, description: `${oneOf(BACKUP_TYPES)}.` },
  { name: "backupLevel", type: "integer", required: true, description: "Backup level, 1 or 2." },
  { name: "backupMethod", type: "string", required: true, description: `${oneOf(BACKUP_TYPES)}.` },
  { name: "useDetail", type: "string", required: true, description: "Free text from the API." },
  { name: "backupMode", type: "string", description: "`differential` or `completed`; only when the API sends it." },
];

const DESCRIPTION: PackageDescription<ArgumentGroup> = {
  name: CONFIG_NAMESPACE,
  displayName: "Huawei Cloud TaurusDB backups",
  version: PACKAGE_VERSION,
  description:
    "The full backups of a Huawei Cloud TaurusDB (GaussDB for MySQL) instance, every page, signed and retried, and the newest COMPLETED one, live or pinned.",
  keywords: ["pulumi", "huaweicloud", "taurusdb", "gaussdb", "backup", "category/database", "kind/native"],
  license: "Apache-2.0",
  arguments: ARGUMENTS,
  configGroups: ["connection"],
  types: { Backup: { description: "One full backup, typed. Times are UTC instants in ISO 8601 ending in `Z`.", properties: BACKUP_PROPERTIES } },
  functions: [
    {
      name: "getInstanceBackups",
      description: "Lists every full backup of a TaurusDB instance and picks the newest COMPLETED one. Read on every preview and update; nothing is stored.",
      argumentGroups: ["choice", "listing", "connection", "transport"],
      outputs: [
        { name: "instanceId", type: "string", required: true, description: "The instance listed." },
        { name: "projectId", type: "string", required: true, description: "The project, as given or as found through IAM." },
        { name: "totalCount", type: "integer", required: true, description: "How many backups the API listed (its `total_count`), before the local filters." },
        { name: "backups", type: { arrayOf: { object: "Backup" } }, required: true, description: "The backups that pass the local filters, in the API's order." },
        { name: "latestCompletedBackupId", type: "string", description: "Id of the newest COMPLETED backup among `backups`, if any." },
        { name: "latestCompletedBackup", type: { object: "Backup" }, description: "The newest COMPLETED backup among `backups`, if any." },
      ],
    },
  ],
  resources: [
    {
      name: "LatestCompletedBackup",
      description:
        "The newest COMPLETED backup, chosen once and then pinned (like `keepers` in the random provider) until the instance, a filter or a keeper changes. A refresh checks the pinned backup still exists and is COMPLETED; when it is gone, the next update pins the newest one.",
      argumentGroups: ["choice", "pinning", "connection", "transport"],
      outputs: [
        { name: "projectId", type: "string", required: true, description: "The project, as given or as found through IAM." },
        { name: "backupId", type: "string", required: true, description: "Id of the pinned backup." },
        { name: "backup", type: { object: "Backup" }, required: true, description: "The pinned backup, as last read." },
        { name: "resolvedAt", type: "string", required: true, description: "When the backup was chosen (ISO 8601, UTC)." },
      ],
    },
  ],
  language: {
    python: { packageName: "pulumi_taurusdb", respectSchemaVersion: true, pyproject: { enabled: true } },
    go: {
      // The module path the Go SDK is published under; set it to the repository's real path before publishing.
      importBasePath: "github.com/taurusdb-backups/pulumi-taurusdb-backups/sdk/go/taurusdb",
      generateResourceContainerTypes: true,
      respectSchemaVersion: true,
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Wiring to today's core.

const CONFIG_KEY_NAMES: readonly string[] = Object.values(CONFIG_KEYS);
/** Checks a configuration through the argument rules; this instance id only satisfies the one required argument. */
const PLACEHOLDER_INSTANCE_ID = `${"0".repeat(32)}in07`;

function configIssues(config: Readonly<Record<string, string>>): Issue[] {
  const issues: Issue[] = [];
  for (const key of Object.keys(config)) {
    if (!CONFIG_KEY_NAMES.includes(key)) {
      issues.push({ key, problem: `is not a ${CONFIG_NAMESPACE} configuration key (known: ${CONFIG_KEY_NAMES.join(", ")})` });
    }
  }
  const known = Object.fromEntries(Object.entries(config).filter(([key]) => CONFIG_KEY_NAMES.includes(key)));
  issues.push(...ruleIssues({ ...known, instanceId: PLACEHOLDER_INSTANCE_ID }, `${CONFIG_NAMESPACE} provider configuration`));
  for (const key of ["endpoint", "iamEndpoint"]) {
    const problem = known[key] !== undefined && !issues.some((i) => i.key === key) ? endpointProblem(known[key]) : undefined;
    if (problem) issues.push({ key, problem });
  }
  if (known.region && !known.endpoint && !issues.some((i) => i.key === "region") && !serviceEndpoint(known.region)) {
    issues.push({ key: "region", problem: `has no known TaurusDB endpoint (${JSON.stringify(known.region)}); set ${CONFIG_NAMESPACE}:endpoint too` });
  }
  // Credentials are taken as a set from one place; a half set here would never be completed elsewhere.
  const has = (key: string) => known[key] !== undefined && known[key] !== "";
  if (has("accessKey") !== has("secretKey")) {
    const [present, missing] = has("accessKey") ? ["accessKey", "secretKey"] : ["secretKey", "accessKey"];
    issues.push({ key: missing, problem: `is needed with ${CONFIG_NAMESPACE}:${present} (credentials are taken as a set)` });
  }
  if (has("authToken") && (has("accessKey") || has("secretKey"))) {
    issues.push({ key: "authToken", problem: "cannot be combined with an AK/SK pair; give one of them" });
  }
  if (has("securityToken") && !has("accessKey")) {
    issues.push({ key: "securityToken", problem: "goes with an AK/SK pair (temporary credentials)" });
  }
  return issues;
}

/** The issues an {@link InvalidArgumentsError} reports, keyed by top-level argument; undefined for any other error. */
function argumentIssues(error: unknown): Issue[] | undefined {
  if (!(error instanceof InvalidArgumentsError)) return undefined;
  return error.issues.map((issue) => ({ key: issue.argument.replace(/[.[].*$/, ""), problem: issue.problem }));
}

function ruleIssues(args: Record<string, unknown>, context: string): Issue[] {
  try {
    validateArgs(args, context);
    return [];
  } catch (error) {
    const issues = argumentIssues(error);
    if (!issues) throw error;
    return issues;
  }
}

function configure(config: StackConfigReader): void {
  // The core runtime reads stack config through the `configure` hook of its dynamic providers,
  // with keys in the `taurusdb:` namespace.
  const prefix = `${CONFIG_NAMESPACE}:`;
  const get = (key: string) => (key.startsWith(prefix) ? config(key.slice(prefix.length)) : undefined);
  void latestCompletedBackup.configure?.({ config: { get } as unknown as pulumi.Config });
}

async function listBackups(args: Record<string, unknown>, config: StackConfigReader): Promise<Record<string, unknown>> {
  const result = await listInstanceBackups(args as never, { sources: { stackConfig: config, env: process.env } });
  return { ...result };
}

export const taurusDbPackage: PluginPackage = {
  description: DESCRIPTION,
  configKeys: CONFIG_KEY_NAMES,
  credentialKeys: CREDENTIAL_KEYS,
  configIssues,
  configure,
  listBackups,
  argumentIssues,
  latestCompletedBackup: {
    provider: latestCompletedBackup,
    unknownPlaceholder: CORE_UNKNOWN,
    computedOutputs: ["backupId", "backup", "projectId", "resolvedAt"],
  },
};
