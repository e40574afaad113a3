/**
 * A plugin package for the plugin's own unit tests: the real protocol logic (provider/plugin/) over
 * provider objects the test writes, so each test states what the plugin does with what the core
 * answers, in memory.
 */
import type * as pulumi from "@pulumi/pulumi";
import { PartialStateError } from "../../provider/dynamic/partialState";
import { Cancellation } from "../../provider/plugin/cancellation";
import type { PluginPackage, ResourceBinding } from "../../provider/plugin/package";

export const PLACEHOLDER = "core-unknown";

export function binding(provider: Partial<pulumi.dynamic.ResourceProvider>, overrides: Partial<ResourceBinding> = {}): ResourceBinding {
  return {
    name: "Thing",
    provider: { create: async () => ({ id: "id" }), ...provider } as pulumi.dynamic.ResourceProvider,
    unknownPlaceholder: PLACEHOLDER,
    computedOutputs: ["jobId", "backup"],
    secretInputs: ["adminPassword"],
    ...overrides,
  };
}

export function pluginPackage(overrides: Partial<PluginPackage> = {}): PluginPackage {
  return {
    name: "taurusdb",
    version: "0.0.0-test",
    schema: "{}",
    configKeys: ["region", "endpoint", "accessKey", "secretKey"],
    credentialKeys: ["accessKey", "secretKey"],
    configIssues: () => [],
    configure: () => undefined,
    listBackups: async () => ({}),
    cancellation: new Cancellation(),
    argumentIssues: () => undefined,
    resources: [],
    partialStateOf: (error) =>
      error instanceof PartialStateError
        ? { message: error.message, id: error.id, properties: { ...error.properties }, reasons: error.reasons }
        : undefined,
    ...overrides,
  };
}
