/**
 * A provider object as the dynamic-provider host runs it: `configure` hands over the stack config,
 * and a partial state keeps the serialized provider (`__provider`), which the host adds to a
 * finished operation's outputs by itself but not to an initialization failure's, so that the next
 * update of a resource recorded that way can still load its provider. The provider logic itself
 * knows nothing of either: the plugin runs the same objects without them.
 */
import type * as pulumi from "@pulumi/pulumi";
import { DYNAMIC_PROVIDER_KEY, PartialStateError } from "./partialState";

export function forDynamicHost(
  provider: pulumi.dynamic.ResourceProvider,
  configure: (read: (key: string) => string | undefined) => void,
): pulumi.dynamic.ResourceProvider {
  const keepingProvider =
    (inputs: Record<string, unknown>) =>
    (error: unknown): never => {
      if (error instanceof PartialStateError)
        throw new PartialStateError(error, error.id, { ...error.properties, [DYNAMIC_PROVIDER_KEY]: inputs[DYNAMIC_PROVIDER_KEY] });
      throw error;
    };
  const { create, update } = provider;
  return {
    ...provider,
    ...(create ? { create: (inputs) => create(inputs).catch(keepingProvider(inputs)) } : {}),
    ...(update ? { update: (id, olds, news) => update(id, olds, news).catch(keepingProvider(news)) } : {}),
    async configure(req) {
      configure((key) => req.config.get(key));
    },
  };
}
