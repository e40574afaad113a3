/**
 * A resource of the package (`taurusdb:index:LatestCompletedBackup`, `taurusdb:index:InstanceRestore`)
 * over the core's dynamic-provider object for it: the engine's Check/Diff/Create/Read/Update/Delete
 * become the object's calls with plain values, and its answers become outputs with these rules:
 *   - during preview nothing is called: values not known yet stay unknown, and a create shows the
 *     outputs it would compute as unknown instead of calling the API with placeholders;
 *   - credentials are never outputs, and given as inputs they are secret; so are the resource's
 *     own secret inputs (a password), which stay secret wherever they are echoed;
 *   - an output echoing a secret input stays secret, and the outputs the resource computes are
 *     secret when any input other than a credential or an own secret is secret (those say who asks
 *     or what is set afterwards, not what is chosen, so they do not hide the choice);
 *   - a core operation that changed the cloud but did not finish (a partial state) becomes the
 *     engine's initialization failure, with the state reached, under the same rules.
 */
import { withoutCredentialValues } from "./credentialFailures";
import { ResourceInitFailure, type CheckResult, type DiffResult } from "./handlers";
import type { PluginPackage, ResourceBinding } from "./package";
import { asSecret, containsSecret, containsUnknown, fromPlainMap, isSecret, revealMap, UNKNOWN, type PropertyMap } from "./wire";

export class CoreResource {
  private readonly credentials: ReadonlySet<string>;
  /** Inputs that are always secret: credentials and the resource's own secrets. */
  private readonly secretInputs: ReadonlySet<string>;

  constructor(
    private readonly pkg: PluginPackage,
    private readonly core: ResourceBinding,
  ) {
    this.credentials = new Set(pkg.credentialKeys);
    this.secretInputs = new Set([...pkg.credentialKeys, ...core.secretInputs]);
  }

  async check(olds: PropertyMap, news: PropertyMap): Promise<CheckResult> {
    const result = await this.core.provider.check!(this.plain(olds), this.plain(news));
    const inputs = this.fromCore(result.inputs as Record<string, unknown>);
    for (const [key, value] of Object.entries(inputs)) {
      if (this.secretInputs.has(key) || containsSecret(news[key])) inputs[key] = asSecret(value);
    }
    const failures = (result.failures ?? []).map((f) => ({ property: f.property, reason: f.reason }));
    return { inputs, failures: withoutCredentialValues(failures, [...this.secretInputs], (key) => key) };
  }

  async diff(id: string, olds: PropertyMap, news: PropertyMap): Promise<DiffResult> {
    // The core compares the inputs it kept in the state (never settings resolved from config or
    // the environment) and reads what it recorded there, as the dynamic provider does.
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
    if (containsUnknown(inputs)) throw new Error(`${this.core.name} cannot be created from values that are not known yet.`);
    const { id, outs } = await this.core.provider
      .create(this.plain(inputs))
      .catch((error: unknown) => Promise.reject(this.initFailure(error, inputs, {})));
    return { id, properties: this.outputs(outs, inputs, {}) };
  }

  async read(id: string, state: PropertyMap, inputs: PropertyMap): Promise<{ id: string; properties: PropertyMap; inputs: PropertyMap }> {
    // Credentials given as inputs are in the (encrypted) inputs only; a refresh may use them too.
    const credentials = Object.fromEntries(Object.entries(inputs).filter(([key]) => this.credentials.has(key)));
    const result = await this.core.provider.read!(id, this.plain({ ...state, ...credentials }));
    if (!result.id) return { id: "", properties: {}, inputs: {} };
    return { id: result.id, properties: this.outputs(result.props ?? {}, inputs, state), inputs };
  }

  /** The same in a preview: the core keeps what it recorded and calls nothing on update. */
  async update(id: string, olds: PropertyMap, news: PropertyMap): Promise<{ properties: PropertyMap }> {
    const result = await this.core.provider.update!(id, this.plain(olds), this.plain(news)).catch((error: unknown) =>
      Promise.reject(this.initFailure(error, news, olds)),
    );
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
   * The core's outputs as the engine's, with credentials removed whatever the core returned, own
   * secrets and each echoed secret input kept secret, and `previous` (the last state) keeping
   * outputs secret that were.
   */
  private outputs(outs: Record<string, unknown>, inputs: PropertyMap, previous: PropertyMap): PropertyMap {
    const properties = this.echo(this.fromCore(outs));
    for (const [key, value] of Object.entries(properties)) {
      if (this.secretInputs.has(key) || containsSecret(inputs[key]) || isSecret(previous[key])) properties[key] = asSecret(value);
    }
    return this.markComputed(properties, inputs);
  }

  private markComputed(properties: PropertyMap, inputs: PropertyMap): PropertyMap {
    const secretChoice = Object.entries(inputs).some(([key, value]) => !this.secretInputs.has(key) && containsSecret(value));
    if (!secretChoice) return properties;
    for (const key of this.core.computedOutputs) if (key in properties) properties[key] = asSecret(properties[key]);
    return properties;
  }

  /** The engine's initialization failure for a partial state the core reported; any other error as it is. */
  private initFailure(error: unknown, inputs: PropertyMap, previous: PropertyMap): unknown {
    const partial = this.pkg.partialStateOf(error);
    if (!partial) return error;
    return new ResourceInitFailure(partial.message, partial.id, this.outputs(partial.properties, inputs, previous), partial.reasons);
  }
}
