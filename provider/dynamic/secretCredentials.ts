/** Secret inputs of a resource (credentials, a password), wrapped as Pulumi secrets so they are never stored in plain text. */
import * as pulumi from "@pulumi/pulumi";
import { SECRET_NAMES } from "../arguments/catalogue";

export function secretCredentials<T extends object>(args: T, also: readonly string[] = []): T {
  const copy = { ...args } as Record<string, unknown>;
  for (const key of [...SECRET_NAMES, ...also]) {
    if (copy[key] !== undefined) copy[key] = pulumi.secret(copy[key] as pulumi.Input<string>);
  }
  return copy as unknown as T;
}
