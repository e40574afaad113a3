/** Credential inputs of a resource, wrapped as secrets so the state stores them encrypted only. */
import * as pulumi from "@pulumi/pulumi";
import { CREDENTIAL_KEYS } from "./inputs";

export function secretCredentials<T extends object>(args: T): T {
  const copy = { ...args } as Record<string, unknown>;
  for (const key of CREDENTIAL_KEYS) {
    if (copy[key] !== undefined) copy[key] = pulumi.secret(copy[key] as pulumi.Input<string>);
  }
  return copy as unknown as T;
}
