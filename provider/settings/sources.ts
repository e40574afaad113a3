/**
 * The places settings come from besides the arguments: Pulumi stack config (any namespace, read by
 * its full key such as `taurusdb:region`) and the environment variables users already have for
 * Huawei Cloud tools. Tests, the dynamic providers, the plugin and the CLI pass their own.
 */
/** Reads one stack config value by its full key, e.g. `taurusdb:region`; undefined when unset. */
export type StackConfigReader = (key: string) => string | undefined;

export interface SettingSources {
  readonly stackConfig: StackConfigReader;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** No stack config: a plain Node.js script, or the command line. */
export const NO_STACK_CONFIG: StackConfigReader = () => undefined;
