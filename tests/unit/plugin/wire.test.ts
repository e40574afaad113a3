/** The plugin's value codec (provider/plugin/wire.ts): engine structs to marked values and back, in memory. */
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { specialOutputValueSig, specialResourceSig, specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";
import {
  asSecret,
  containsSecret,
  containsUnknown,
  decodeStruct,
  encodeStruct,
  fromPlain,
  fromPlainMap,
  isSecret,
  reveal,
  revealMap,
  Secret,
  UNKNOWN,
  type PropertyMap,
} from "../../../provider/plugin/wire";

const secret = (value: unknown) => ({ [specialSigKey]: specialSecretSig, value });
const struct = (plain: Record<string, unknown>) => Struct.fromJavaScript(plain as never);

describe("decoding what the engine sends", () => {
  test("a secret becomes a Secret, an unknown the UNKNOWN marker, nested inside lists and maps too", () => {
    const decoded = decodeStruct(
      struct({ key: secret("s3cr3t"), id: unknownValue, list: ["a", secret("b"), unknownValue], map: { x: secret(1) } }),
    );
    expect(decoded.key).toEqual(new Secret("s3cr3t"));
    expect(decoded.id).toBe(UNKNOWN);
    expect(decoded.list).toEqual(["a", new Secret("b"), UNKNOWN]);
    expect(decoded.map).toEqual({ x: new Secret(1) });
  });

  test("a resource reference stands for its id, or its URN when it has none", () => {
    const decoded = decodeStruct(
      struct({
        custom: { [specialSigKey]: specialResourceSig, urn: "urn:a", id: "id-1" },
        component: { [specialSigKey]: specialResourceSig, urn: "urn:b" },
      }),
    );
    expect(decoded).toEqual({ custom: "id-1", component: "urn:b" });
  });

  test("an output value keeps its secrecy, and is unknown without a value", () => {
    const decoded = decodeStruct(
      struct({
        plain: { [specialSigKey]: specialOutputValueSig, value: "v" },
        hidden: { [specialSigKey]: specialOutputValueSig, value: "v", secret: true },
        pending: { [specialSigKey]: specialOutputValueSig },
        hiddenPending: { [specialSigKey]: specialOutputValueSig, secret: true },
      }),
    );
    expect(decoded).toEqual({ plain: "v", hidden: new Secret("v"), pending: UNKNOWN, hiddenPending: new Secret(UNKNOWN) });
  });

  test("null and a missing struct are empty, not errors", () => {
    expect(decodeStruct(undefined)).toEqual({});
    expect(decodeStruct(struct({ a: null }))).toEqual({ a: null });
  });
});

describe("encoding what the plugin answers", () => {
  test("secrets and unknowns go back in the engine's own markings, and a round trip keeps every value", () => {
    const map: PropertyMap = { s: new Secret("x"), u: UNKNOWN, nested: [new Secret({ a: 1 }), { b: UNKNOWN }], n: 2, b: true, z: null };
    const plain = encodeStruct(map).toJavaScript();
    expect(plain.s).toEqual(secret("x"));
    expect(plain.u).toBe(unknownValue);
    expect(plain.nested).toEqual([secret({ a: 1 }), { b: unknownValue }]);
    expect(decodeStruct(encodeStruct(map))).toEqual(map);
  });
});

describe("reading marked values", () => {
  test("containsSecret and containsUnknown look inside lists, maps and secrets", () => {
    expect(containsSecret({ a: [1, { b: new Secret("x") }] })).toBe(true);
    expect(containsSecret({ a: [1, { b: "x" }] })).toBe(false);
    expect(containsSecret(UNKNOWN)).toBe(false);
    expect(containsUnknown([new Secret(UNKNOWN)])).toBe(true);
    expect(containsUnknown({ a: [new Secret("x")] })).toBe(false);
    expect(isSecret(new Secret(1))).toBe(true);
    expect(isSecret({ value: 1 } as never)).toBe(false);
  });

  test("reveal unwraps every secret and puts the caller's placeholder for unknowns", () => {
    const map: PropertyMap = { a: new Secret([new Secret("x"), UNKNOWN]), b: { c: UNKNOWN } };
    expect(revealMap(map, "PLACEHOLDER")).toEqual({ a: ["x", "PLACEHOLDER"], b: { c: "PLACEHOLDER" } });
    expect(reveal(UNKNOWN)).toBeUndefined();
  });

  test("fromPlain turns the placeholder back into UNKNOWN, drops undefined fields and refuses what the engine cannot hold", () => {
    expect(fromPlainMap({ a: "PLACEHOLDER", b: undefined, c: [null, "PLACEHOLDER"], d: { e: 1 } }, "PLACEHOLDER")).toEqual({
      a: UNKNOWN,
      c: [null, UNKNOWN],
      d: { e: 1 },
    });
    expect(fromPlain("PLACEHOLDER")).toBe("PLACEHOLDER");
    expect(() => fromPlain(() => 1)).toThrow("cannot send a function to the engine");
  });

  test("asSecret wraps once, and leaves null alone", () => {
    const once = asSecret("x");
    expect(once).toEqual(new Secret("x"));
    expect(asSecret(once)).toBe(once);
    expect(asSecret(null)).toBeNull();
  });
});
