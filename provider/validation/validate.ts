/**
 * One validation pass over the merged settings: each value against its rule in the catalogue, then
 * the rules between values (a rule that goes with another, the credential set, what is needed to
 * reach the API). Every problem is reported at once, named by where its value came from, before
 * any request. The result is what a listing runs with: values with their defaults, the endpoints,
 * and the credentials.
 */
import { ORDER_FIELDS } from "../api/rules";
import {
  ARGUMENT_NAMES,
  ARGUMENTS,
  CONFIG_NAMESPACE,
  CREDENTIAL_ENV_FAMILIES,
  HUAWEICLOUD_NAMESPACE,
  oneOf,
  type ArgumentName,
  type ArgumentSpec,
  type CredentialName,
  type TransportName,
} from "../arguments/catalogue";
import { normalizeEndpoint } from "../arguments/endpointUrl";
import type { Catalogue, Entries } from "../arguments/define";
import { InvalidArgumentsError, MissingCredentialsError, type ArgumentIssue } from "../errors";
import { AkSkCredentials, TokenCredentials, type Credentials } from "../http/credentials";
import { iamEndpoint as regionalIamEndpoint, KNOWN_REGIONS, serviceEndpoint } from "../settings/endpoints";
import type { MergedSettings } from "../settings/merge";
import type { GetInstanceBackupsArgs } from "../types";
import { entryIssues, passes } from "./entryIssues";

/** Arguments with a default are always set after validation. */
type Defaulted = {
  [K in ArgumentName as (typeof ARGUMENTS)[K] extends { default: unknown } ? K : never]-?: NonNullable<GetInstanceBackupsArgs[K]>;
};

/** The listing's arguments after validation: defaults applied, credentials taken out. */
export type ValidArgs = Omit<GetInstanceBackupsArgs, CredentialName | keyof Defaulted> & Defaulted;

/** How patiently to ask: the transport arguments, defaults applied. What a session and a restore take. */
export type TransportSettings = Pick<ValidArgs, TransportName>;

/** Everything needed to reach the API as someone. */
export interface ConnectionSettings {
  readonly region?: string;
  /** Undefined until found through IAM. */
  readonly projectId?: string;
  readonly endpoint: string;
  readonly iamEndpoint: string;
  readonly credentials: Credentials;
}

export interface ValidSettings {
  readonly args: ValidArgs;
  readonly connection: ConnectionSettings;
}

export interface CheckOptions {
  /** Values not known yet (a preview): present, but their rules are checked once they are known. */
  readonly isUnknown?: (value: unknown) => boolean;
}

/** The options' test for a value not known yet; without one, every value is known. */
export function unknownTestOf(options: CheckOptions): (value: unknown) => boolean {
  // Stryker disable next-line ArrowFunction: only ever tested for truth, and undefined is as false as false
  return options.isUnknown ?? (() => false);
}

export interface SettingsCheckOptions extends CheckOptions {
  /** The catalogue's arguments the caller takes (all of them unless said); a required one left out of these is not missing. */
  readonly names?: readonly ArgumentName[];
}

/** Every problem with the merged settings; empty when they are fine. */
export function settingsIssues(merged: MergedSettings, options: SettingsCheckOptions = {}): ArgumentIssue[] {
  const isUnknown = unknownTestOf(options);
  const issues: ArgumentIssue[] = merged.unknownNames.map((key) => ({
    argument: key,
    problem: "is not an argument of this function (check the spelling)",
  }));
  issues.push(...valueIssues(merged, options.names ?? ARGUMENT_NAMES, options));
  const known = (name: ArgumentName) => {
    const value = merged.values[name];
    return value !== undefined && !isUnknown(value) && passes(ARGUMENTS[name], value) ? value : undefined;
  };
  issues.push(...pairingIssues(merged, known), ...credentialIssues(merged), ...reachabilityIssues(merged, known));
  return issues;
}

/** Each merged value of `names` against its rule, named by its origin; a required one also when missing. */
export function valueIssues(merged: MergedSettings, names: readonly ArgumentName[], options: CheckOptions = {}): ArgumentIssue[] {
  return entryIssues(ARGUMENTS, names, {
    valueOf: (name) => merged.values[name as ArgumentName],
    labelOf: (name) => merged.origins[name as ArgumentName],
    isUnknown: unknownTestOf(options),
  });
}

/** Problems with a resource's own inputs (see ../arguments/resourceOptions.ts), as given; unknown values wait. */
export function optionIssues(
  bag: Readonly<Record<string, unknown>>,
  options: Pick<Catalogue<Entries>, "entries" | "names">,
  check: CheckOptions = {},
): ArgumentIssue[] {
  return entryIssues(options.entries, options.names, { valueOf: (name) => bag[name], isUnknown: unknownTestOf(check) });
}

/** Checks the merged settings and returns what a listing runs with, or throws listing every problem. */
export function validateSettings(merged: MergedSettings, context = "getInstanceBackups"): ValidSettings {
  const issues = settingsIssues(merged);
  if (issues.length > 0) throw invalidArguments(merged, issues, context);
  return { args: valuesWithDefaults(merged, ARGUMENT_NAMES) as ValidArgs, connection: connectionOf(merged) };
}

/** The error that lists `issues`: missing credentials when none were found anywhere, else invalid arguments. */
export function invalidArguments(merged: MergedSettings, issues: readonly ArgumentIssue[], context: string): InvalidArgumentsError {
  return merged.credentialSource === undefined ? new MissingCredentialsError(issues, context) : new InvalidArgumentsError(issues, context);
}

/** The values of `names` (credentials aside) with their defaults, once the settings are valid. */
export function valuesWithDefaults(merged: MergedSettings, names: readonly ArgumentName[]): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const name of names) {
    const spec: ArgumentSpec = ARGUMENTS[name];
    if (spec.kind === "credential") continue;
    const value = merged.values[name] ?? spec.default;
    if (value !== undefined) args[name] = value;
  }
  return args;
}

/** Where the API is and who asks, once the settings are valid. */
export function connectionOf(merged: MergedSettings): ConnectionSettings {
  const values = merged.values as Record<string, unknown>;
  const region = values.region as string | undefined;
  const endpoint = normalizeEndpoint((values.endpoint as string | undefined) ?? serviceEndpoint(region!)!);
  return {
    region,
    projectId: values.projectId as string | undefined,
    endpoint,
    iamEndpoint: normalizeEndpoint((values.iamEndpoint as string | undefined) ?? (region ? regionalIamEndpoint(region) : endpoint)),
    credentials: credentialsOf(values),
  };
}

/** Arguments that only mean something together with another one. */
function pairingIssues(merged: MergedSettings, known: (name: ArgumentName) => unknown): ArgumentIssue[] {
  const { values, origins } = merged;
  const issues: ArgumentIssue[] = [];
  if (values.orderRule !== undefined && values.orderField === undefined) {
    issues.push({ argument: origins.orderRule!, problem: `goes with orderField (${oneOf(ORDER_FIELDS)}); set orderField too` });
  }
  if (values.filterField !== undefined && values.filterContent === undefined) {
    issues.push({ argument: origins.filterField!, problem: "goes with filterContent; set the text to filter by" });
  }
  const after = known("createdAfter");
  const before = known("createdBefore");
  if (typeof after === "string" && typeof before === "string" && Date.parse(after) >= Date.parse(before)) {
    issues.push({ argument: origins.createdBefore!, problem: "must be later than createdAfter" });
  }
  return issues;
}

/** One complete set from one place: an AK/SK pair (and a security token for temporary keys), or a token. */
export function credentialIssues(merged: MergedSettings): ArgumentIssue[] {
  const { values, origins, credentialSource } = merged;
  if (credentialSource === undefined) return [{ argument: "credentials", problem: `none found. ${WHERE_CREDENTIALS_GO}` }];
  const has = (name: CredentialName) => values[name] !== undefined;
  if (has("authToken") && (has("accessKey") || has("secretKey"))) {
    return [
      {
        argument: "credentials",
        problem: `both an IAM token (${origins.authToken}) and an AK/SK pair are set in ${credentialSource}; give one of them`,
      },
    ];
  }
  if (has("authToken")) return [];
  if (has("accessKey") && has("secretKey")) return [];
  const present = (["accessKey", "secretKey", "securityToken"] as const).filter(has).map((name) => origins[name]);
  const missing = has("accessKey") ? "a secret key" : "an access key";
  return [
    {
      argument: "credentials",
      problem: `incomplete in ${credentialSource}: ${present.join(" and ")} ${present.length > 1 ? "are" : "is"} set, but ${missing} is not; an AK/SK pair is taken from one place`,
    },
  ];
}

/** Enough to find the endpoint and the project. */
function reachabilityIssues(merged: MergedSettings, known: (name: ArgumentName) => unknown): ArgumentIssue[] {
  const { values, origins, whereToSet } = merged;
  const issues: ArgumentIssue[] = [];
  const region = known("region");
  if (values.endpoint === undefined) {
    if (values.region === undefined) {
      issues.push({
        argument: "region",
        problem: `is needed to find the endpoint: set ${whereToSet("region")}, or give the endpoint (${whereToSet("endpoint")})`,
      });
    } else if (typeof region === "string" && serviceEndpoint(region) === undefined) {
      issues.push({
        argument: origins.region!,
        problem: `has no known TaurusDB endpoint (${JSON.stringify(region)}); set the endpoint, or use one of ${KNOWN_REGIONS.join(", ")}`,
      });
    }
  }
  if (values.projectId === undefined && values.region === undefined) {
    issues.push({ argument: "projectId", problem: `is needed, or a region to find it from: set ${whereToSet("projectId")}, or a region` });
  }
  return issues;
}

const WHERE_CREDENTIALS_GO =
  "Give them in one of these ways:\n" +
  "      1. arguments: accessKey + secretKey (+ securityToken for temporary keys), or authToken;\n" +
  `      2. stack config: pulumi config set --secret ${CONFIG_NAMESPACE}:accessKey ... and ${CONFIG_NAMESPACE}:secretKey ... ` +
  `(or ${CONFIG_NAMESPACE}:authToken; the Huawei Cloud provider's ${HUAWEICLOUD_NAMESPACE}:accessKey and ${HUAWEICLOUD_NAMESPACE}:secretKey are read too);\n` +
  `      3. environment: ${CREDENTIAL_ENV_FAMILIES.map((f) => `${f.accessKey} + ${f.secretKey}`).join(", ")}.`;

function credentialsOf(values: Record<string, unknown>): Credentials {
  const { accessKey, secretKey, securityToken, authToken } = values as Partial<Record<CredentialName, string>>;
  return authToken !== undefined ? new TokenCredentials(authToken) : new AkSkCredentials(accessKey!, secretKey!, securityToken);
}
