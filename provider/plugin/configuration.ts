/**
 * Provider configuration: the `taurusdb:*` keys of stack config (the default provider) or the inputs
 * of an explicit `pulumi:providers:taurusdb` resource. The engine checks it (CheckConfig), compares
 * it with the last deployment's (DiffConfig) and hands it over (Configure).
 */
import { withoutCredentialValues } from "./credentialFailures";
import type { CheckResult, DiffResult } from "./handlers";
import type { ConfigReader, PluginPackage } from "./package";
import { asSecret, containsUnknown, reveal, type PropertyMap, type PropertyValue } from "./wire";

/**
 * Keys the engine adds to every provider's inputs for its own bookkeeping (`version`, and
 * everything under `__internal`), which are not configuration.
 */
function isEngineKey(key: string): boolean {
  return key === "version" || key.startsWith("__");
}

/** Configuration values as strings; values not known yet are left out. */
function plainValues(map: PropertyMap): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(map)) {
    if (isEngineKey(key) || value === null || containsUnknown(value)) continue;
    const plain = reveal(value);
    values[key] = typeof plain === "string" ? plain : JSON.stringify(plain);
  }
  return values;
}

export function checkConfig(pkg: PluginPackage, news: PropertyMap): CheckResult {
  const label = (key: string) => `${pkg.name}:${key}`;
  const issues = pkg
    .configIssues(plainValues(news))
    .map((issue) => ({ property: issue.key, reason: issue.key ? `${label(issue.key)} ${issue.problem}` : issue.problem }));
  const failures = withoutCredentialValues(issues, pkg.credentialKeys, label);
  // A credential set with `pulumi config set` (no --secret) or as a plain provider input is still
  // stored encrypted: the checked inputs are what the engine writes into the state.
  const inputs: PropertyMap = { ...news };
  for (const key of pkg.credentialKeys) if (inputs[key] !== undefined) inputs[key] = asSecret(inputs[key]);
  return { inputs, failures };
}

/**
 * Any change is an update of the provider, never a replacement: replacing a provider replaces
 * every resource it manages, and new credentials, a new endpoint or region reach the same backups.
 */
export function diffConfig(oldInputs: PropertyMap, news: PropertyMap): DiffResult {
  const keys = new Set([...Object.keys(oldInputs), ...Object.keys(news)].filter((key) => !isEngineKey(key)));
  const diffs = [...keys].filter((key) => changed(oldInputs[key], news[key])).sort();
  return { changes: diffs.length > 0, replaces: [], diffs, deleteBeforeReplace: false };
}

function changed(before: PropertyValue | undefined, after: PropertyValue | undefined): boolean {
  if (containsUnknown(after)) return true;
  return JSON.stringify(reveal(before ?? null) ?? null) !== JSON.stringify(reveal(after ?? null) ?? null);
}

/**
 * The configuration Configure carries: `args` (typed, secrets marked), else the deprecated flat
 * `variables` map (`taurusdb:config:<key>`), which older engines send alone.
 */
export function configFromRequest(pkg: PluginPackage, args: PropertyMap, variables: Readonly<Record<string, string>>): ConfigReader {
  const values = plainValues(args);
  if (Object.keys(values).length === 0) {
    const prefix = `${pkg.name}:config:`;
    for (const [name, value] of Object.entries(variables)) if (name.startsWith(prefix)) values[name.slice(prefix.length)] = value;
  }
  const known = new Set(pkg.configKeys);
  return (key) => (known.has(key) && values[key] !== "" ? values[key] : undefined);
}
