/**
 * Arguments in, settings out: merge the arguments with stack config and the environment, then
 * validate the result once. What every entry point (the data function, the resources, the plugin,
 * the command line) runs before its first request.
 */
import { InvalidArgumentsError } from "../errors";
import { mergeSettings, type MergeOptions } from "../settings/merge";
import type { SettingSources } from "../settings/sources";
import { validateSettings, type ValidSettings } from "./validate";

export function resolveSettings(
  args: unknown,
  sources: SettingSources,
  context = "getInstanceBackups",
  options?: MergeOptions,
): ValidSettings {
  if (args === null || typeof args !== "object" || Array.isArray(args)) {
    throw new InvalidArgumentsError([{ argument: "(arguments)", problem: "must be an object with at least instanceId" }], context);
  }
  return validateSettings(mergeSettings(args as Record<string, unknown>, sources, options), context);
}
