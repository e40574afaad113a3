/**
 * Stack config of the running Pulumi program, as a {@link StackConfigReader}. Apart from
 * ./sources.ts so that what runs without Pulumi (the command line) never loads it.
 */
import * as pulumi from "@pulumi/pulumi";
import type { SettingSources, StackConfigReader } from "../settings/sources";

/**
 * Stack config of the running Pulumi program. Outside a program Pulumi has no config, and every
 * key reads as undefined.
 */
export function pulumiStackConfig(): StackConfigReader {
  const byNamespace = new Map<string, pulumi.Config>();
  return (key) => {
    const split = key.indexOf(":");
    const namespace = key.slice(0, split);
    let config = byNamespace.get(namespace);
    // Stryker disable next-line ConditionalExpression: a cache; a Config made again reads the same
    if (!config) byNamespace.set(namespace, (config = new pulumi.Config(namespace)));
    return config.get(key.slice(split + 1));
  };
}

/** Sources of a plain Node.js or Pulumi program: its stack config and `process.env`. */
export function defaultSources(): SettingSources {
  return { stackConfig: pulumiStackConfig(), env: process.env };
}
