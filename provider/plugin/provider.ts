/**
 * The taurusdb provider: one instance per plugin process, which the engine starts per provider
 * (the default one configured from stack config, or each explicit `pulumi:providers:taurusdb`).
 * It routes each call to the package's function or resource, holds the configuration Configure
 * handed over, and runs every operation under the engine's cancellation, a resource's with its log
 * lines attached to it.
 */
import { checkConfig, configFromRequest, diffConfig } from "./configuration";
import { GetInstanceBackupsFunction } from "./getInstanceBackupsFunction";
import { CoreResource } from "./coreResource";
import type { ProviderHandlers, ResourceRef } from "./handlers";
import { withUrn } from "./logContext";
import type { PluginPackage } from "./package";

export function createProvider(pkg: PluginPackage): ProviderHandlers {
  const { name, cancellation } = pkg;
  const functionToken = `${name}:index:getInstanceBackups`;
  const getInstanceBackups = new GetInstanceBackupsFunction(pkg);
  const resources = new Map(pkg.resources.map((binding) => [`${name}:index:${binding.name}`, new CoreResource(pkg, binding)]));

  const resource = (ref: ResourceRef): CoreResource => {
    const found = resources.get(ref.type);
    if (!found)
      throw new Error(
        `The ${name} provider has no resource type ${JSON.stringify(ref.type)} (it has ${[...resources.keys()].join(", ")}).`,
      );
    return found;
  };
  const run = <T>(what: string, operation: () => Promise<T>) => cancellation.run(what, operation);
  /** A resource's operation, its log lines attached to the resource. */
  const runFor = <T>(req: ResourceRef, what: string, operation: () => Promise<T>) =>
    run(`${what} ${req.urn}`, () => withUrn(req.urn, operation));

  return {
    version: pkg.version,
    getSchema: () => pkg.schema,

    checkConfig: async ({ news }) => checkConfig(pkg, news),
    diffConfig: async ({ oldInputs, olds, news }) => diffConfig(Object.keys(oldInputs).length > 0 ? oldInputs : olds, news),
    configure: async ({ args, variables }) => pkg.configure(configFromRequest(pkg, args, variables)),

    invoke: ({ token, args }) => {
      if (token !== functionToken)
        return Promise.reject(new Error(`The ${name} provider has no function ${JSON.stringify(token)} (it has ${functionToken}).`));
      return run(token, () => getInstanceBackups.invoke(args));
    },

    check: (req) => runFor(req, "Checking", () => resource(req).check(req.olds, req.news)),
    diff: (req) => runFor(req, "Diffing", () => resource(req).diff(req.id, req.olds, req.news)),
    create: (req) => runFor(req, "Creating", () => resource(req).create(req.properties, req.preview)),
    read: (req) => runFor(req, "Reading", () => resource(req).read(req.id, req.properties, req.inputs)),
    update: (req) => runFor(req, "Updating", () => resource(req).update(req.id, req.olds, req.news)),
    delete: (req) => runFor(req, "Deleting", () => resource(req).delete(req.id, req.properties)),

    cancel: async () => cancellation.cancel(),
  };
}
