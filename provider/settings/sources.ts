/**
 * The places settings come from besides the arguments: Pulumi stack config (any namespace, read by
 * its full key such as `taurusdb:region`) and the environment variables users already have for
 * Huawei Cloud tools. Tests, the dynamic providers, the plugin and the CLI pass their own.
 */
import * as pulumi from "@pulumi/pulumi";

/** Reads one stack config value by its full key, e.g. `taurusdb:region`; undefined when unset. */
export type StackConfigReader = (key: string) => string | undefined;

export interface SettingSources {
  readonly stackConfig: StackConfigReader;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** No stack config: a plain Node.js script, or the command line. */
export const NO_STACK_CONFIG: StackConfigReader = () => undefined;

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
    if (!config) byNamespace.set(namespace, (config = new pulumi.Config(namespace)));
    return config.get(key.slice(split + 1));
  };
}

/** Sources of a plain Node.js or Pulumi program: its stack config and `process.env`. */
export function defaultSources(): SettingSources {
  return { stackConfig: pulumiStackConfig(), env: process.env };
}
