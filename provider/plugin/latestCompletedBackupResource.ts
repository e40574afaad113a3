/**
 * `taurusdb:index:LatestCompletedBackup` over the core's dynamic-provider object: the engine's
 * Check/Diff/Create/Read/Update/Delete become the object's calls with plain values, and its answers
 * become outputs with these rules:
 *   - during preview nothing is listed: values not known yet stay unknown, and a create shows its
 *     chosen backup as unknown instead of calling the API with placeholders;
 *   - credentials are never outputs, and given as inputs they are secret;
 *   - an output echoing a secret input stays secret, and the outputs the resource computes are
 *     secret when any input other than a credential is secret (credentials say who asks, not which
 *     backup is chosen, so they do not hide the choice).
 */
import { withoutCredentialValues } from "./credentialFailures";
import type { CheckResult, DiffResult } from "./handlers";
import type { PluginPackage } from "./package";
import { asSecret, containsSecret, containsUnknown, fromPlainMap, isSecret, revealMap, UNKNOWN, type PropertyMap } from "./wire";

type Binding = PluginPackage["latestCompletedBackup"];

export class LatestCompletedBackupResource {
  private readonly core: Binding;
  private readonly credentials: ReadonlySet<string>;

  constructor(pkg: PluginPackage) {
    this.core = pkg.latestCompletedBackup;
    this.credentials = new Set(pkg.credentialKeys);
  }

  async check(olds: PropertyMap, news: PropertyMap): Promise<CheckResult> {
    const result = await this.core.provider.check!(this.plain(olds), this.plain(news));
    const inputs = this.fromCore(result.inputs as Record<string, unknown>);
    for (const [key, value] of Object.entries(inputs)) {
      if (this.credentials.has(key) || containsSecret(news[key])) inputs[key] = asSecret(value);
    }
    const failures = (result.failures ?? []).map((f) => ({ property: f.property, reason: f.reason }));
    return { inputs, failures: withoutCredentialValues(failures, [...this.credentials], (key) => key) };
  }

  async diff(id: string, olds: PropertyMap, news: PropertyMap): Promise<DiffResult> {
    // The core compares the inputs it kept in the state (never settings resolved from config or
    // the environment) and reads the pin's availability there, as the dynamic provider does.
    const result = await this.core.provider.diff!(id, this.plain(olds), this.plain(news));
    return {
      changes: result.changes !== false,
      replaces: result.replaces ?? [],
      diffs: [],
      deleteBeforeReplace: result.deleteBeforeReplace ?? false,
    };
  }

  async create(inputs: PropertyMap, preview: boolean): Promise<{ id: string; properties: PropertyMap }> {
    if (preview) {
      const properties = this.echo(inputs);
      for (const key of this.core.computedOutputs) if (!(key in properties) || properties[key] === null) properties[key] = UNKNOWN;
      return { id: "", properties: this.markComputed(properties, inputs) };
    }
    if (containsUnknown(inputs)) throw new Error("LatestCompletedBackup cannot be created from values that are not known yet.");
    const { id, outs } = await this.core.provider.create(this.plain(inputs));
    return { id, properties: this.outputs(outs, inputs, {}) };
  }

  async read(id: string, state: PropertyMap, inputs: PropertyMap): Promise<{ id: string; properties: PropertyMap; inputs: PropertyMap }> {
    // Credentials given as inputs are in the (encrypted) inputs only; a refresh may use them too.
    const credentials = Object.fromEntries(Object.entries(inputs).filter(([key]) => this.credentials.has(key)));
    const result = await this.core.provider.read!(id, this.plain({ ...state, ...credentials }));
    if (!result.id) return { id: "", properties: {}, inputs: {} };
    return { id: result.id, properties: this.outputs(result.props ?? {}, inputs, state), inputs };
  }

  /** The same in a preview: the core keeps the pinned choice and lists nothing on update. */
  async update(id: string, olds: PropertyMap, news: PropertyMap): Promise<{ properties: PropertyMap }> {
    const result = await this.core.provider.update!(id, this.plain(olds), this.plain(news));
    return { properties: this.outputs(result.outs ?? {}, news, olds) };
  }

  async delete(id: string, state: PropertyMap): Promise<void> {
    await this.core.provider.delete?.(id, this.plain(state));
  }

  /** Plain values for the core object, with its placeholder for unknowns. */
  private plain(map: PropertyMap): Record<string, unknown> {
    return revealMap(map, this.core.unknownPlaceholder);
  }

  private fromCore(values: Record<string, unknown>): PropertyMap {
    return fromPlainMap(values, this.core.unknownPlaceholder);
  }

  /** The inputs a resource echoes as outputs: all but credentials, secrecy kept. */
  private echo(inputs: PropertyMap): PropertyMap {
    return Object.fromEntries(Object.entries(inputs).filter(([key]) => !this.credentials.has(key)));
  }

  /**
   * The core's outputs as the engine's, with credentials removed whatever the core returned, each
   * echoed input's secrecy kept, and `previous` (the last state) keeping outputs secret that were.
   */
  private outputs(outs: Record<string, unknown>, inputs: PropertyMap, previous: PropertyMap): PropertyMap {
    const properties = this.echo(this.fromCore(outs));
    for (const [key, value] of Object.entries(properties)) {
      if (containsSecret(inputs[key]) || isSecret(previous[key])) properties[key] = asSecret(value);
    }
    return this.markComputed(properties, inputs);
  }

  private markComputed(properties: PropertyMap, inputs: PropertyMap): PropertyMap {
    const secretChoice = Object.entries(inputs).some(([key, value]) => !this.credentials.has(key) && containsSecret(value));
    if (!secretChoice) return properties;
    for (const key of this.core.computedOutputs) if (key in properties) properties[key] = asSecret(properties[key]);
    return properties;
  }
}
