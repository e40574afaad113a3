/**
 * Merges the three sources into the settings of one listing: explicit arguments win, then stack
 * config, then the environment. Plain settings are resolved field by field; credentials as a set
 * from the first source that has any, so a key and a secret never come from two places.
 */
import { PROJECT_ID_PATTERN, REGION_PATTERN } from "../api/rules";
import { InvalidArgumentsError, MissingCredentialsError, type ArgumentIssue } from "../errors";
import type { ConnectionArgs } from "../types";
import { AkSkCredentials, TokenCredentials, type Credentials } from "./credentials";
import { endpointProblem, normalizeEndpoint } from "./endpointUrl";
import { iamEndpoint as regionalIamEndpoint, KNOWN_REGIONS, serviceEndpoint } from "./endpoints";
import { CONFIG_KEYS, CONFIG_NAMESPACE, ENV_CREDENTIAL_FAMILIES, ENV_NAMES, type SettingSources } from "./sources";

/** Everything needed to reach the API as someone. */
export interface ConnectionSettings {
  readonly region?: string;
  /** Undefined until found through IAM. */
  readonly projectId?: string;
  readonly endpoint: string;
  readonly iamEndpoint: string;
  readonly credentials: Credentials;
  /** Where the credentials came from, for messages. */
  readonly credentialSource: string;
}

interface Picked {
  readonly value: string;
  /** e.g. `argument region`, `stack config taurusdb:region`, `environment variable HW_REGION_NAME`. */
  readonly origin: string;
}

export function resolveConnection(args: ConnectionArgs, sources: SettingSources): ConnectionSettings {
  const issues: ArgumentIssue[] = [];
  const pick = (field: keyof typeof CONFIG_KEYS, envNames: readonly string[] = []): Picked | undefined => {
    const fromArgs = args[field];
    if (fromArgs !== undefined) return { value: fromArgs, origin: `argument ${field}` };
    const key = CONFIG_KEYS[field];
    const fromConfig = nonEmpty(sources.stackConfig(key));
    if (fromConfig !== undefined) return { value: fromConfig, origin: `stack config ${CONFIG_NAMESPACE}:${key}` };
    for (const name of envNames) {
      const fromEnv = nonEmpty(sources.env[name]);
      if (fromEnv !== undefined) return { value: fromEnv, origin: `environment variable ${name}` };
    }
    return undefined;
  };

  const region = pick("region", ENV_NAMES.region);
  const projectId = pick("projectId", ENV_NAMES.projectId);
  const endpoint = pick("endpoint");
  const iam = pick("iamEndpoint", ENV_NAMES.iamEndpoint);

  if (region && !REGION_PATTERN.test(region.value)) {
    issues.push({ argument: region.origin, problem: `must be a region name such as "cn-north-4" (got ${JSON.stringify(region.value)})` });
  }
  if (projectId && !PROJECT_ID_PATTERN.test(projectId.value)) {
    issues.push({ argument: projectId.origin, problem: "must be 32 letters or digits" });
  }
  for (const url of [endpoint, iam]) {
    const problem = url && endpointProblem(url.value);
    if (problem) issues.push({ argument: url.origin, problem });
  }

  let serviceUrl = endpoint?.value;
  if (!serviceUrl && region && issues.length === 0) {
    serviceUrl = serviceEndpoint(region.value);
    if (!serviceUrl) {
      issues.push({
        argument: region.origin,
        problem: `has no known TaurusDB endpoint (${JSON.stringify(region.value)}); set endpoint, or use one of ${KNOWN_REGIONS.join(", ")}`,
      });
    }
  }
  if (!serviceUrl && !region) {
    issues.push({
      argument: "region",
      problem: `is needed to find the endpoint: set the region argument, stack config ${CONFIG_NAMESPACE}:region or HW_REGION_NAME, or give endpoint`,
    });
  }
  if (!projectId && !region) {
    issues.push({
      argument: "projectId",
      problem: `is needed, or a region to find it from: set projectId (argument, ${CONFIG_NAMESPACE}:projectId, HUAWEICLOUD_SDK_PROJECT_ID) or region`,
    });
  }
  if (issues.length > 0) throw new InvalidArgumentsError(issues, "TaurusDB connection settings");

  const { credentials, source } = resolveCredentials(args, sources);
  return {
    region: region?.value,
    projectId: projectId?.value,
    endpoint: normalizeEndpoint(serviceUrl!),
    iamEndpoint: normalizeEndpoint(iam?.value ?? (region ? regionalIamEndpoint(region.value) : serviceUrl!)),
    credentials,
    credentialSource: source,
  };
}

interface CredentialFields {
  accessKey?: string;
  secretKey?: string;
  securityToken?: string;
  authToken?: string;
}

function resolveCredentials(args: ConnectionArgs, sources: SettingSources): { credentials: Credentials; source: string } {
  const config = (key: keyof typeof CONFIG_KEYS) => nonEmpty(sources.stackConfig(CONFIG_KEYS[key]));
  const candidates: Array<{ source: string; fields: CredentialFields; names: Record<keyof CredentialFields, string> }> = [
    {
      source: "arguments",
      fields: args,
      names: { accessKey: "accessKey", secretKey: "secretKey", securityToken: "securityToken", authToken: "authToken" },
    },
    {
      source: `stack config (${CONFIG_NAMESPACE}:*)`,
      fields: { accessKey: config("accessKey"), secretKey: config("secretKey"), securityToken: config("securityToken"), authToken: config("authToken") },
      names: {
        accessKey: `${CONFIG_NAMESPACE}:accessKey`,
        secretKey: `${CONFIG_NAMESPACE}:secretKey`,
        securityToken: `${CONFIG_NAMESPACE}:securityToken`,
        authToken: `${CONFIG_NAMESPACE}:authToken`,
      },
    },
    ...ENV_CREDENTIAL_FAMILIES.map((family) => ({
      source: `environment variables (${family.accessKey}/${family.secretKey})`,
      fields: {
        accessKey: nonEmpty(sources.env[family.accessKey]),
        secretKey: nonEmpty(sources.env[family.secretKey]),
        securityToken: family.securityToken ? nonEmpty(sources.env[family.securityToken]) : undefined,
      },
      names: { accessKey: family.accessKey, secretKey: family.secretKey, securityToken: family.securityToken ?? "", authToken: "" },
    })),
  ];

  for (const { source, fields, names } of candidates) {
    const { accessKey, secretKey, securityToken, authToken } = fields;
    if (!accessKey && !secretKey && !securityToken && !authToken) continue;
    if (authToken && (accessKey || secretKey)) {
      throw new MissingCredentialsError(
        `Both an IAM token (${names.authToken}) and an AK/SK pair are set in ${source}; give one of them.`,
      );
    }
    for (const field of ["accessKey", "securityToken", "authToken"] as const) {
      const value = fields[field];
      // These travel in headers: a space or newline would break or inject one. The value is not shown.
      if (value && !/^[\x21-\x7e]+$/.test(value)) {
        throw new MissingCredentialsError(`${names[field]} from ${source} must be printable ASCII without spaces.`);
      }
    }
    if (authToken) return { credentials: new TokenCredentials(authToken), source };
    if (!accessKey || !secretKey) {
      const missing = !accessKey ? names.accessKey : names.secretKey;
      const present = !accessKey ? (secretKey ? names.secretKey : names.securityToken) : names.accessKey;
      throw new MissingCredentialsError(`Incomplete credentials in ${source}: ${present} is set but ${missing} is not.`);
    }
    return { credentials: new AkSkCredentials(accessKey, secretKey, securityToken), source };
  }

  throw new MissingCredentialsError(
    "No TaurusDB credentials found. Give them in one of three ways:\n" +
      "  1. arguments: accessKey + secretKey (+ securityToken for temporary keys), or authToken;\n" +
      `  2. stack config: pulumi config set --secret ${CONFIG_NAMESPACE}:accessKey ... and ${CONFIG_NAMESPACE}:secretKey ... (or ${CONFIG_NAMESPACE}:authToken);\n` +
      "  3. environment: HUAWEICLOUD_SDK_AK + HUAWEICLOUD_SDK_SK, CLOUD_SDK_AK + CLOUD_SDK_SK, or HW_ACCESS_KEY + HW_SECRET_KEY.",
  );
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}
