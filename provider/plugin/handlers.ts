/**
 * What the plugin does for each call of the engine's provider protocol, in plain terms: property
 * maps with secrets and unknowns marked (./wire.ts), no protobuf. ./grpcService.ts turns gRPC
 * requests into these calls and their results back into responses.
 */
import type { PropertyMap } from "./wire";

export interface CheckFailure {
  readonly property: string;
  readonly reason: string;
}

export interface CheckResult {
  readonly inputs: PropertyMap;
  readonly failures: readonly CheckFailure[];
}

export interface DiffResult {
  readonly changes: boolean;
  /** Properties whose change replaces the resource. */
  readonly replaces: readonly string[];
  /** Properties that changed, when known; the engine works them out itself when empty. */
  readonly diffs: readonly string[];
  readonly deleteBeforeReplace: boolean;
}

/**
 * A create or update that changed the cloud but did not finish: the engine records `properties`
 * under `id` and fails the update with the message (its "initialization failure").
 */
export class ResourceInitFailure extends Error {
  constructor(
    message: string,
    readonly id: string,
    readonly properties: PropertyMap,
    readonly reasons: readonly string[],
  ) {
    super(message);
    this.name = "ResourceInitFailure";
  }
}

export interface ResourceRef {
  readonly urn: string;
  /** Type token, e.g. `taurusdb:index:LatestCompletedBackup`. */
  readonly type: string;
}

export interface ProviderHandlers {
  readonly version: string;
  getSchema(): string;

  checkConfig(request: { urn: string; olds: PropertyMap; news: PropertyMap }): Promise<CheckResult>;
  diffConfig(request: { urn: string; oldInputs: PropertyMap; olds: PropertyMap; news: PropertyMap }): Promise<DiffResult>;
  /** `variables` is the deprecated flat form (`<package>:config:<key>` → string) of `args`. */
  configure(request: { args: PropertyMap; variables: Readonly<Record<string, string>> }): Promise<void>;

  invoke(request: {
    token: string;
    args: PropertyMap;
    preview: boolean;
  }): Promise<{ result: PropertyMap; failures: readonly CheckFailure[] }>;

  check(request: ResourceRef & { olds: PropertyMap; news: PropertyMap }): Promise<CheckResult>;
  diff(request: ResourceRef & { id: string; olds: PropertyMap; news: PropertyMap; oldInputs: PropertyMap }): Promise<DiffResult>;
  create(request: ResourceRef & { properties: PropertyMap; preview: boolean }): Promise<{ id: string; properties: PropertyMap }>;
  /** An empty `id` in the result means the resource no longer exists. */
  read(
    request: ResourceRef & { id: string; properties: PropertyMap; inputs: PropertyMap },
  ): Promise<{ id: string; properties: PropertyMap; inputs: PropertyMap }>;
  update(
    request: ResourceRef & { id: string; olds: PropertyMap; news: PropertyMap; oldInputs: PropertyMap; preview: boolean },
  ): Promise<{ properties: PropertyMap }>;
  delete(request: ResourceRef & { id: string; properties: PropertyMap }): Promise<void>;

  cancel(): Promise<void>;
}
