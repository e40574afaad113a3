/**
 * Merges the places a setting can come from into one set of values, each remembering where it came
 * from: the argument first, then stack config (`taurusdb:*`, then the Huawei Cloud provider's
 * `huaweicloud:*`), then the environment. Credentials are taken as a set from the first place
 * that has any of them, so a key and a secret never come from two places. Nothing is checked
 * here; ../validation checks the merged values once, naming each value's origin.
 */
import {
  ARGUMENT_NAMES,
  ARGUMENTS,
  CONFIG_NAMESPACE,
  CREDENTIAL_ENV_FAMILIES,
  CREDENTIAL_NAMES,
  HUAWEICLOUD_NAMESPACE,
  isArgumentName,
  type ArgumentName,
  type ArgumentSpec,
  type CredentialName,
} from "../arguments/catalogue";
import { NO_STACK_CONFIG, type SettingSources } from "./sources";

export interface MergedSettings {
  /** The value of each argument some place gave, as given. */
  readonly values: Readonly<Partial<Record<ArgumentName, unknown>>>;
  /** Where each value came from: `pageSize`, `stack config taurusdb:region`, `environment variable HW_REGION_NAME`. */
  readonly origins: Readonly<Partial<Record<ArgumentName, string>>>;
  /** Where the credential set came from, e.g. `stack config (taurusdb:*)`; undefined when none was found. */
  readonly credentialSource?: string;
  /** Keys of the arguments that are not arguments of this package (typos). */
  readonly unknownNames: readonly string[];
  /**
   * Where a setting can be given, for messages, in the caller's words: `the region argument, stack
   * config taurusdb:region or environment variable HW_REGION_NAME`; `--region or environment
   * variable HW_REGION_NAME` on the command line, which names flags and has no stack config.
   */
  readonly whereToSet: (name: ArgumentName) => string;
}

export interface MergeOptions {
  /** How an argument is named in messages: the argument itself, or a command-line flag. */
  readonly argumentLabel?: (name: ArgumentName) => string;
  /** Only these arguments are taken (a resource's inputs); the others count as unknown. */
  readonly accepted?: readonly ArgumentName[];
}

interface Found {
  readonly value: unknown;
  readonly origin: string;
}

interface CredentialSet {
  readonly source: string;
  readonly fields: Partial<Record<CredentialName, Found>>;
}

export function mergeSettings(
  args: Readonly<Record<string, unknown>>,
  sources: SettingSources,
  options: MergeOptions = {},
): MergedSettings {
  const label = options.argumentLabel ?? ((name: ArgumentName) => name);
  const accepted = new Set<string>(options.accepted ?? ARGUMENT_NAMES);
  const values: Partial<Record<ArgumentName, unknown>> = {};
  const origins: Partial<Record<ArgumentName, string>> = {};
  const take = (name: ArgumentName, found: Found | undefined) => {
    if (!found) return;
    values[name] = found.value;
    origins[name] = found.origin;
  };

  const given = (name: ArgumentName): Found | undefined =>
    accepted.has(name) && args[name] !== undefined ? { value: args[name], origin: label(name) } : undefined;

  for (const name of ARGUMENT_NAMES) {
    if (ARGUMENTS[name].kind === "credential") continue;
    take(name, given(name) ?? fromConfig(name, sources) ?? fromEnvironment(name, sources));
  }

  const credentials = credentialSets(given, sources).find((set) => Object.keys(set.fields).length > 0);
  for (const name of CREDENTIAL_NAMES) take(name, credentials?.fields[name]);

  return {
    values,
    origins,
    credentialSource: credentials?.source,
    unknownNames: Object.keys(args).filter((key) => args[key] !== undefined && !(isArgumentName(key) && accepted.has(key))),
    whereToSet: placesOf(options.argumentLabel, sources.stackConfig !== NO_STACK_CONFIG),
  };
}

function placesOf(label: ((name: ArgumentName) => string) | undefined, readsStackConfig: boolean): (name: ArgumentName) => string {
  return (name) => {
    const spec: ArgumentSpec = ARGUMENTS[name];
    const places = [label ? label(name) : `the ${name} argument`];
    if (spec.stackConfig && readsStackConfig) {
      places.push(
        `stack config ${CONFIG_NAMESPACE}:${name}${spec.huaweicloud ? ` (or ${HUAWEICLOUD_NAMESPACE}:${spec.huaweicloud.key})` : ""}`,
      );
    }
    for (const variable of spec.env ?? []) places.push(`environment variable ${variable}`);
    return places.length > 1 ? `${places.slice(0, -1).join(", ")} or ${places[places.length - 1]}` : places[0];
  };
}

function fromConfig(name: ArgumentName, sources: SettingSources): Found | undefined {
  const spec: ArgumentSpec = ARGUMENTS[name];
  if (!spec.stackConfig) return undefined;
  const own = nonEmpty(sources.stackConfig(`${CONFIG_NAMESPACE}:${name}`));
  if (own !== undefined) return { value: own, origin: `stack config ${CONFIG_NAMESPACE}:${name}` };
  if (!spec.huaweicloud) return undefined;
  const shared = nonEmpty(sources.stackConfig(`${HUAWEICLOUD_NAMESPACE}:${spec.huaweicloud.key}`));
  if (shared === undefined) return undefined;
  return { value: spec.huaweicloud.toValue?.(shared) ?? shared, origin: `stack config ${HUAWEICLOUD_NAMESPACE}:${spec.huaweicloud.key}` };
}

function fromEnvironment(name: ArgumentName, sources: SettingSources): Found | undefined {
  const spec: ArgumentSpec = ARGUMENTS[name];
  for (const variable of spec.env ?? []) {
    const value = nonEmpty(sources.env[variable]);
    if (value !== undefined) return { value, origin: `environment variable ${variable}` };
  }
  return undefined;
}

/** Every place a credential set can come from, in order of precedence. */
function credentialSets(given: (name: ArgumentName) => Found | undefined, sources: SettingSources): CredentialSet[] {
  const collect = (read: (name: CredentialName) => Found | undefined) => {
    const fields: Partial<Record<CredentialName, Found>> = {};
    for (const name of CREDENTIAL_NAMES) {
      const found = read(name);
      if (found) fields[name] = found;
    }
    return fields;
  };
  const configSet = (namespace: string, keyOf: (name: CredentialName) => string | undefined): CredentialSet => ({
    source: `stack config (${namespace}:*)`,
    fields: collect((name) => {
      const key = keyOf(name);
      const value = key === undefined ? undefined : nonEmpty(sources.stackConfig(`${namespace}:${key}`));
      return value === undefined ? undefined : { value, origin: `stack config ${namespace}:${key}` };
    }),
  });
  return [
    { source: "arguments", fields: collect(given) },
    configSet(CONFIG_NAMESPACE, (name) => name),
    configSet(HUAWEICLOUD_NAMESPACE, (name) => (ARGUMENTS[name] as ArgumentSpec).huaweicloud?.key),
    ...CREDENTIAL_ENV_FAMILIES.map((family) => ({
      source: `environment variables (${family.accessKey}/${family.secretKey})`,
      fields: collect((name) => {
        const variable = family[name];
        const value = variable === undefined ? undefined : nonEmpty(sources.env[variable]);
        return value === undefined ? undefined : { value, origin: `environment variable ${variable}` };
      }),
    })),
  ];
}

/** Config and environment values are text; blank means unset. */
function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}
