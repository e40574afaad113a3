/**
 * Reading a dynamic resource's property bag back into typed listing arguments. The bag also holds
 * Pulumi's own keys and output placeholders, which are left out.
 */
import type { GetInstanceBackupsArgs } from "../types";

/** Sent by the engine during preview for a value not yet known. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Credentials arrive as (secret) inputs; they are never copied into outputs. */
export const CREDENTIAL_KEYS = ["accessKey", "secretKey", "securityToken", "authToken"] as const;

export const CONNECTION_KEYS = ["region", "projectId", "endpoint", "iamEndpoint", ...CREDENTIAL_KEYS] as const;
export const TRANSPORT_KEYS = ["language", "maxConcurrency", "maxAttempts", "requestTimeoutMs", "timeoutMs"] as const;
const QUERY_KEYS = [
  "instanceId", "orderField", "orderRule", "filterField", "filterContent", "pageSize",
  "statuses", "backupTypes", "createdAfter", "createdBefore", "requireLatestCompleted",
] as const;

export const LISTING_KEYS: readonly (keyof GetInstanceBackupsArgs)[] = [...QUERY_KEYS, ...CONNECTION_KEYS, ...TRANSPORT_KEYS];

/** The listing arguments present in a property bag, in the keys given. */
export function pickArgs(props: Record<string, unknown>, keys: readonly string[] = LISTING_KEYS): GetInstanceBackupsArgs {
  const args: Record<string, unknown> = {};
  for (const key of keys) if (props[key] !== undefined && props[key] !== null) args[key] = props[key];
  return args as unknown as GetInstanceBackupsArgs;
}

/** The property bag without credentials, to echo into outputs. */
export function withoutCredentials(props: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...props };
  for (const key of CREDENTIAL_KEYS) delete copy[key];
  return copy;
}

export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}
