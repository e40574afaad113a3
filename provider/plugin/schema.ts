/**
 * Builds the Pulumi package schema (the JSON `GetSchema` answers and SDK generators read) from a
 * plain description of the package: each argument once, with its type, description, secrecy and
 * group, and a layout saying which groups are provider configuration, function arguments and
 * resource inputs. The description can come from any table or catalogue; this module knows only
 * the schema's shape.
 */

export type PropertyType =
  | "string"
  | "integer"
  | "number"
  | "boolean"
  | { readonly arrayOf: PropertyType }
  | { readonly mapOf: PropertyType }
  /** An object type declared in {@link PackageDescription.types}, by its name (e.g. `Backup`). */
  | { readonly object: string };

export interface PropertyDescription {
  readonly name: string;
  readonly type: PropertyType;
  readonly description: string;
  /** Required as an input, or always present as an output. */
  readonly required?: boolean;
  /** Stored encrypted and shown as `[secret]`; never echoed as a resource output. */
  readonly secret?: boolean;
}

export interface ArgumentDescription<Group extends string = string> extends PropertyDescription {
  readonly group: Group;
}

export interface ObjectTypeDescription {
  readonly description: string;
  readonly properties: readonly PropertyDescription[];
}

export interface FunctionDescription<Group extends string> {
  /** Name in the `index` module, e.g. `getInstanceBackups`. */
  readonly name: string;
  readonly description: string;
  readonly argumentGroups: readonly Group[];
  readonly outputs: readonly PropertyDescription[];
}

export interface ResourceDescription<Group extends string> {
  readonly name: string;
  readonly description: string;
  readonly argumentGroups: readonly Group[];
  /** Outputs besides the echoed inputs (every input that is not secret is also an output, unless described here). */
  readonly outputs: readonly PropertyDescription[];
}

export interface PackageDescription<Group extends string = string> {
  readonly name: string;
  readonly displayName: string;
  readonly version: string;
  readonly description: string;
  readonly keywords: readonly string[];
  readonly license: string;
  /** What the Pulumi Registry shows: who publishes it, where its source and home page are, its logo. */
  readonly publisher?: string;
  readonly repository?: string;
  readonly homepage?: string;
  readonly logoUrl?: string;
  /** Where the engine downloads the plugin from (`${VERSION}` is replaced by the version it needs). */
  readonly pluginDownloadURL?: string;
  readonly arguments: readonly ArgumentDescription<Group>[];
  /** Groups that make up the provider configuration (`<name>:<key>` stack config, explicit provider inputs). */
  readonly configGroups: readonly Group[];
  readonly types: Readonly<Record<string, ObjectTypeDescription>>;
  readonly functions: readonly FunctionDescription<Group>[];
  readonly resources: readonly ResourceDescription<Group>[];
  /** Per-language options for the SDK generators (`python`, `go`, `nodejs`, ...). */
  readonly language: Readonly<Record<string, unknown>>;
}

type Json = Record<string, unknown>;

export function buildSchema<Group extends string>(pkg: PackageDescription<Group>): Json {
  const token = (name: string) => `${pkg.name}:index:${name}`;
  const typeSpec = (type: PropertyType): Json => {
    if (typeof type === "string") return { type };
    if ("arrayOf" in type) return { type: "array", items: typeSpec(type.arrayOf) };
    if ("mapOf" in type) return { type: "object", additionalProperties: typeSpec(type.mapOf) };
    if (!(type.object in pkg.types)) throw new Error(`schema: unknown object type ${type.object}`);
    return { $ref: `#/types/${token(type.object)}` };
  };
  const propertySpec = (p: PropertyDescription): Json => ({
    ...typeSpec(p.type),
    description: p.description,
    ...(p.secret ? { secret: true } : {}),
  });
  const properties = (list: readonly PropertyDescription[]) => Object.fromEntries(list.map((p) => [p.name, propertySpec(p)]));
  const required = (list: readonly PropertyDescription[]) => list.filter((p) => p.required).map((p) => p.name);
  const argumentsIn = (groups: readonly Group[]) => pkg.arguments.filter((a) => groups.includes(a.group));
  const objectSpec = (description: string, list: readonly PropertyDescription[]): Json => ({
    type: "object",
    description,
    properties: properties(list),
    required: required(list),
  });

  const config = argumentsIn(pkg.configGroups);
  if (config.some((c) => c.required)) throw new Error("schema: provider configuration must be optional (it may come from the environment)");

  return {
    name: pkg.name,
    displayName: pkg.displayName,
    version: pkg.version,
    description: pkg.description,
    keywords: pkg.keywords,
    license: pkg.license,
    ...(pkg.publisher ? { publisher: pkg.publisher } : {}),
    ...(pkg.repository ? { repository: pkg.repository } : {}),
    ...(pkg.homepage ? { homepage: pkg.homepage } : {}),
    ...(pkg.logoUrl ? { logoUrl: pkg.logoUrl } : {}),
    ...(pkg.pluginDownloadURL ? { pluginDownloadURL: pkg.pluginDownloadURL } : {}),
    meta: { moduleFormat: "(.*)", supportPack: true },
    config: { variables: properties(config) },
    provider: {
      description: `The provider type for the ${pkg.name} package: its inputs are the \`${pkg.name}:*\` configuration keys.`,
      inputProperties: properties(config),
    },
    types: Object.fromEntries(Object.entries(pkg.types).map(([name, t]) => [token(name), objectSpec(t.description, t.properties)])),
    functions: Object.fromEntries(
      pkg.functions.map((f) => {
        const inputs = argumentsIn(f.argumentGroups);
        return [
          token(f.name),
          {
            description: f.description,
            inputs: objectSpec(`Arguments of ${f.name}.`, inputs),
            outputs: objectSpec(`Result of ${f.name}.`, f.outputs),
          },
        ];
      }),
    ),
    resources: Object.fromEntries(
      pkg.resources.map((r) => {
        const inputs = argumentsIn(r.argumentGroups);
        // An output named like an input describes the value the resource settles on (e.g. a project id found through IAM).
        const described = new Set(r.outputs.map((o) => o.name));
        const outputs = [...inputs.filter((i) => !i.secret && !described.has(i.name)), ...r.outputs];
        return [
          token(r.name),
          {
            description: r.description,
            inputProperties: properties(inputs),
            requiredInputs: required(inputs),
            properties: properties(outputs),
            required: required(outputs),
          },
        ];
      }),
    ),
    language: pkg.language,
  };
}
