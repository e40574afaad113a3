/**
 * The provider objects Pulumi serializes into the stack state.
 *
 * Pulumi stores a dynamic provider as the source text of its closure and replays it in a separate
 * process. Capturing this package's modules would copy all of its code (and anything it references)
 * into every state file, and a captured value could be a credential. So each method captures only
 * two strings and loads the real implementation by module name at run time, from the program's
 * `node_modules` (the provider process runs in the program's directory). When the package is not
 * installed under its name (this repository run as a stack), it falls back to the absolute path of
 * the compiled module.
 */
import * as path from "node:path";
import type * as pulumi from "@pulumi/pulumi";

/** The package subpath of ./runtime (see `exports` in package.json). */
const RUNTIME_MODULE = "pulumi-taurusdb-backups/dynamic-runtime";

export type ProviderKind = "instanceBackups" | "latestCompletedBackup";

export function serializedProvider(kind: ProviderKind): pulumi.dynamic.ResourceProvider {
  const moduleName = RUNTIME_MODULE;
  const modulePath = path.join(__dirname, "runtime");
  // Everything below is serialized: keep it to plain code over these three strings.
  const load = () => {
    let runtime;
    try {
      runtime = require(moduleName);
    } catch (error) {
      if ((error as { code?: string }).code !== "MODULE_NOT_FOUND") throw error;
      runtime = require(modulePath);
    }
    return runtime[kind] as Required<pulumi.dynamic.ResourceProvider>;
  };
  return {
    configure: (req) => load().configure(req),
    check: (olds, news) => load().check(olds, news),
    diff: (id, olds, news) => load().diff(id, olds, news),
    create: (inputs) => load().create(inputs),
    read: (id, props) => load().read(id, props),
    update: (id, olds, news) => load().update(id, olds, news),
    delete: (id, props) => load().delete(id, props),
  };
}
