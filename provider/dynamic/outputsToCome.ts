/**
 * The outputs a dynamic resource computes, registered with no value yet: Pulumi makes a resource's
 * outputs from the properties it is registered with, so each must be named here to be read back.
 * `inputs` (what the logic keeps to compare) is state, not an output a program reads.
 */
export function outputsToCome(names: readonly string[]): Record<string, undefined> {
  return Object.fromEntries(names.filter((name) => name !== "inputs").map((name) => [name, undefined]));
}
