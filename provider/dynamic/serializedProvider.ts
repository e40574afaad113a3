/**
 * The provider objects Pulumi serializes into the stack state.
 *
 * Pulumi stores a dynamic provider as the source text of its closure and replays it in a separate
 * process. Capturing this package's modules would copy all of its code (and anything it references)
 * into every state file, and a captured value could be a credential. So each method captures only
 * plain strings and loads the real implementation by package name at run time, from the program's
 * `node_modules` (the provider process runs in the program's directory). No path of the machine
 * that ran the first update is stored: the state is shared by a team.
 */
import type * as pulumi from "@pulumi/pulumi";

/** The package subpath of the providers' runtime (../resources/runtime.ts; see `exports` in package.json). */
const RUNTIME_MODULE = "pulumi-taurusdb-backups/dynamic-runtime";

/** The runtime's export for each resource: its provider object. */
export type ProviderKind = "instanceBackups" | "latestCompletedBackup" | "instanceRestore";

export type ProviderMethod = keyof pulumi.dynamic.ResourceProvider;

/**
 * A provider object with exactly the methods `M`: a provider's factory returns this type, and its
 * resource serializes the same list, so the two cannot drift apart.
 */
export type ProviderWith<M extends ProviderMethod> = Required<Pick<pulumi.dynamic.ResourceProvider, M>>;

export function serializedProvider(kind: ProviderKind, methods: readonly ProviderMethod[]): pulumi.dynamic.ResourceProvider {
  const moduleName = RUNTIME_MODULE;
  // Only the methods the provider has (the engine treats a missing one as "use the default"), and
  // `configure`, which the runtime adds to every provider to hand it the stack config.
  const serialized: readonly ProviderMethod[] = [...methods, "configure"];
  // Everything below is serialized: keep it to plain code over these strings.
  const load = () => {
    try {
      return require(moduleName)[kind];
    } catch (error) {
      if ((error as { code?: string }).code !== "MODULE_NOT_FOUND") throw error;
      throw new Error(
        `The TaurusDB resources cannot load ${moduleName}: the package pulumi-taurusdb-backups is not installed ` +
          `where this Pulumi program runs (${process.cwd()}). Install it in the program's project ` +
          "(npm install pulumi-taurusdb-backups, or the packed tarball), then run the update again.",
      );
    }
  };
  const provider: Record<string, unknown> = {};
  for (const method of serialized) provider[method] = (...args: unknown[]) => load()[method](...args);
  return provider as unknown as pulumi.dynamic.ResourceProvider;
}
