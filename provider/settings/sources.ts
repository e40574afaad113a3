/**
 * The three places settings come from, in order: explicit arguments, Pulumi stack config in the
 * `taurusdb` namespace, and the environment variables users already have for Huawei Cloud tools.
 */
import * as pulumi from "@pulumi/pulumi";

/** Reads one key of the `taurusdb` stack config namespace (e.g. `region`). */
export type StackConfigReader = (key: string) => string | undefined;

export interface SettingSources {
  readonly stackConfig: StackConfigReader;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const CONFIG_NAMESPACE = "taurusdb";

/** Stack config keys, by setting. Credentials are read as secrets by Pulumi. */
export const CONFIG_KEYS = {
  region: "region",
  projectId: "projectId",
  endpoint: "endpoint",
  iamEndpoint: "iamEndpoint",
  accessKey: "accessKey",
  secretKey: "secretKey",
  securityToken: "securityToken",
  authToken: "authToken",
} as const;

/** Environment variables by setting, first match wins (vendor SDKs, then SDK examples, then Terraform). */
export const ENV_NAMES = {
  region: ["HW_REGION_NAME"],
  projectId: ["HUAWEICLOUD_SDK_PROJECT_ID", "HW_PROJECT_ID"],
  iamEndpoint: ["HUAWEICLOUD_SDK_IAM_ENDPOINT"],
} as const;

/** AK/SK families: a pair is taken from one family, never mixed across two. */
export const ENV_CREDENTIAL_FAMILIES = [
  { accessKey: "HUAWEICLOUD_SDK_AK", secretKey: "HUAWEICLOUD_SDK_SK", securityToken: "HUAWEICLOUD_SDK_SECURITY_TOKEN" },
  { accessKey: "CLOUD_SDK_AK", secretKey: "CLOUD_SDK_SK", securityToken: undefined },
  { accessKey: "HW_ACCESS_KEY", secretKey: "HW_SECRET_KEY", securityToken: "HW_SECURITY_TOKEN" },
] as const;

/**
 * Stack config of the running Pulumi program. Outside a program Pulumi has no config, and every
 * key reads as undefined.
 */
export function pulumiStackConfig(): StackConfigReader {
  const config = new pulumi.Config(CONFIG_NAMESPACE);
  return (key) => config.get(key);
}

/** Sources of a plain Node.js or Pulumi program: its stack config and `process.env`. */
export function defaultSources(): SettingSources {
  return { stackConfig: pulumiStackConfig(), env: process.env };
}
