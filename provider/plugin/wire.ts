/**
 * Property values as the engine sends them in a `google.protobuf.Struct`, and back. Pulumi marks
 * secrets, unknowns (preview placeholders), resource references and output values with special
 * objects or strings inside the struct; here a secret becomes a {@link Secret} and an unknown the
 * {@link UNKNOWN} marker, so the provider's logic reads plain values and keeps the markings.
 *
 * The plugin answers `acceptResources: false` and `acceptOutputs: false`, so the engine should not
 * send references or output values; they are decoded anyway rather than passed on as odd objects.
 */
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { specialOutputValueSig, specialResourceSig, specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";

/** A value that must stay secret: stored encrypted, shown as `[secret]`. */
export class Secret {
  constructor(readonly value: PropertyValue) {}
}

/** A value not known yet (during preview). */
export const UNKNOWN = Object.freeze({ unknown: true as const });
export type Unknown = typeof UNKNOWN;

export type PropertyValue = null | boolean | number | string | Secret | Unknown | PropertyValue[] | { [key: string]: PropertyValue };

export type PropertyMap = Record<string, PropertyValue>;

export function decodeStruct(struct: Struct | undefined): PropertyMap {
  if (!struct) return {};
  const plain = struct.toJavaScript() as Record<string, unknown>;
  return Object.fromEntries(Object.entries(plain).map(([key, value]) => [key, decodeValue(value)]));
}

export function encodeStruct(map: PropertyMap): Struct {
  return Struct.fromJavaScript(Object.fromEntries(Object.entries(map).map(([key, value]) => [key, encodeValue(value)])) as never);
}

function decodeValue(value: unknown): PropertyValue {
  if (value === unknownValue) return UNKNOWN;
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(decodeValue);
  if (typeof value !== "object") return value as boolean | number | string;
  const object = value as Record<string, unknown>;
  switch (object[specialSigKey]) {
    case specialSecretSig:
      return new Secret(decodeValue(object.value));
    case specialResourceSig:
      // A resource stands for its id (custom resources) or its URN.
      return decodeValue(object.id ?? object.urn);
    case specialOutputValueSig: {
      const inner = "value" in object ? decodeValue(object.value) : UNKNOWN;
      return object.secret === true ? new Secret(inner) : inner;
    }
    default:
      return Object.fromEntries(Object.entries(object).map(([key, v]) => [key, decodeValue(v)]));
  }
}

function encodeValue(value: PropertyValue): unknown {
  if (value === UNKNOWN) return unknownValue;
  if (value instanceof Secret) return { [specialSigKey]: specialSecretSig, value: encodeValue(value.value) };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, encodeValue(v)]));
  }
  return value;
}

export function isSecret(value: PropertyValue | undefined): value is Secret {
  return value instanceof Secret;
}

/** True when the value or anything inside it is secret. */
export function containsSecret(value: PropertyValue | undefined): boolean {
  if (value instanceof Secret) return true;
  if (value === UNKNOWN || value === null || typeof value !== "object") return false;
  return (Array.isArray(value) ? value : Object.values(value)).some(containsSecret);
}

/** True when the value or anything inside it is unknown. */
export function containsUnknown(value: PropertyValue | undefined): boolean {
  if (value === UNKNOWN) return true;
  if (value instanceof Secret) return containsUnknown(value.value);
  if (value === null || typeof value !== "object") return false;
  return (Array.isArray(value) ? value : Object.values(value)).some(containsUnknown);
}

/**
 * The plain value with secrets unwrapped; unknowns become `unknownAs` (the caller decides what a
 * placeholder looks like to the code it hands the value to).
 */
export function reveal(value: PropertyValue, unknownAs: unknown = undefined): unknown {
  if (value === UNKNOWN) return unknownAs;
  if (value instanceof Secret) return reveal(value.value, unknownAs);
  if (Array.isArray(value)) return value.map((v) => reveal(v, unknownAs));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, reveal(v, unknownAs)]));
  }
  return value;
}

export function revealMap(map: PropertyMap, unknownAs: unknown = undefined): Record<string, unknown> {
  return reveal(map, unknownAs) as Record<string, unknown>;
}

/**
 * A plain value (as plain code returns it) as a property value; strings equal to `unknownMarker`
 * become {@link UNKNOWN} again, `undefined` fields are dropped.
 */
export function fromPlain(value: unknown, unknownMarker?: string): PropertyValue {
  if (unknownMarker !== undefined && value === unknownMarker) return UNKNOWN;
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => fromPlain(v, unknownMarker));
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return Object.fromEntries(entries.map(([key, v]) => [key, fromPlain(v, unknownMarker)]));
  }
  if (typeof value === "boolean" || typeof value === "number" || typeof value === "string") return value;
  throw new TypeError(`cannot send a ${typeof value} to the engine`);
}

export function fromPlainMap(map: Record<string, unknown>, unknownMarker?: string): PropertyMap {
  return fromPlain(map, unknownMarker) as PropertyMap;
}

/** The value as a secret, unless it already is one. */
export function asSecret(value: PropertyValue): PropertyValue {
  return value instanceof Secret || value === null ? value : new Secret(value);
}
