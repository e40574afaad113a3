/**
 * Reading an API's query parameters by the emulator's rules: a known parameter given twice is a
 * 400, unknown parameters are ignored, integers are plain decimal text within bounds.
 */
import { type Checked, invalidParameter } from "../replies/apiErrors";
import type { QueryPairs } from "../sharedTypes";

/** The known parameters that were given, by name; a repeated one is refused. */
export function knownParameters<N extends string>(pairs: QueryPairs, names: readonly N[]): Checked<ReadonlyMap<N, string>> {
  const given = new Map<N, string>();
  for (const [key, value] of pairs) {
    const name = names.find((n) => n === key);
    if (!name) continue;
    if (given.has(name)) return { failure: invalidParameter((m) => m.repeated(name)) };
    given.set(name, value);
  }
  return { value: given };
}

/** An optional integer parameter in `min..max` (no upper bound when `max` is undefined). */
export function integerParameter<N extends string>(
  given: ReadonlyMap<N, string>,
  name: N,
  min: number,
  max: number | undefined,
): Checked<number | undefined> {
  const text = given.get(name);
  if (text === undefined) return { value: undefined };
  if (!/^-?\d+$/.test(text)) return { failure: invalidParameter((m) => m.notAnInteger(name, text)) };
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min || (max !== undefined && value > max)) {
    return { failure: invalidParameter((m) => m.outOfRange(name, text, min, max)) };
  }
  return { value };
}
