/** Provider configuration (provider/plugin/configuration.ts): CheckConfig, DiffConfig and Configure, in memory. */
import { checkConfig, configFromRequest, diffConfig } from "../../../provider/plugin/configuration";
import { Secret, UNKNOWN } from "../../../provider/plugin/wire";
import { pluginPackage } from "../../support/pluginPackage";

describe("CheckConfig", () => {
  test("checks the given values as strings, engine keys and unknown values left out", () => {
    const seen: unknown[] = [];
    const pkg = pluginPackage({ configIssues: (config) => (seen.push(config), []) });
    checkConfig(pkg, {
      region: "cn-north-4",
      maxAttempts: 3,
      version: "1.0.0",
      __internal: { x: 1 },
      endpoint: UNKNOWN,
      accessKey: new Secret("AK"),
    });
    expect(seen).toEqual([{ region: "cn-north-4", maxAttempts: "3", accessKey: "AK" }]);
  });

  test("a credential given in plain text is stored as a secret, and a problem with it never quotes it", () => {
    const pkg = pluginPackage({
      configIssues: () => [
        { key: "accessKey", problem: "must be printable ASCII" },
        { key: "region", problem: 'must be a region name (got "CN")' },
        { key: "", problem: "credentials: incomplete" },
      ],
    });
    const result = checkConfig(pkg, { accessKey: "AK with space", region: "CN" });
    expect(result.inputs).toEqual({ accessKey: new Secret("AK with space"), region: "CN" });
    expect(result.failures).toEqual([
      { property: "", reason: "taurusdb:accessKey must be printable ASCII" },
      { property: "region", reason: 'taurusdb:region must be a region name (got "CN")' },
      { property: "", reason: "credentials: incomplete" },
    ]);
  });
});

describe("DiffConfig", () => {
  test("any change is an update, never a replacement; engine keys do not count", () => {
    expect(diffConfig({ region: "cn-north-4", version: "1" }, { region: "cn-east-3", version: "2", endpoint: "https://x" })).toEqual({
      changes: true,
      replaces: [],
      diffs: ["endpoint", "region"],
      deleteBeforeReplace: false,
    });
    expect(diffConfig({ region: "cn-north-4", __internal: 1 }, { region: "cn-north-4", __internal: 2 })).toEqual({
      changes: false,
      replaces: [],
      diffs: [],
      deleteBeforeReplace: false,
    });
  });

  test("a secret compares by its value, and a value not known yet counts as changed", () => {
    expect(diffConfig({ accessKey: new Secret("AK") }, { accessKey: "AK" }).changes).toBe(false);
    expect(diffConfig({ accessKey: new Secret("AK") }, { accessKey: new Secret("AK2") }).diffs).toEqual(["accessKey"]);
    expect(diffConfig({ endpoint: "https://x" }, { endpoint: UNKNOWN }).diffs).toEqual(["endpoint"]);
  });
});

describe("Configure", () => {
  test("reads the typed args, known keys only, an empty value as none", () => {
    const read = configFromRequest(pluginPackage(), { region: "cn-north-4", endpoint: "", bogus: "x", accessKey: new Secret("AK") }, {});
    expect([read("region"), read("endpoint"), read("bogus"), read("accessKey")]).toEqual(["cn-north-4", undefined, undefined, "AK"]);
  });

  test("falls back to the deprecated flat variables only when the args are empty", () => {
    const variables = { "taurusdb:config:region": "cn-east-3", "other:config:region": "nope" };
    expect(configFromRequest(pluginPackage(), {}, variables)("region")).toBe("cn-east-3");
    expect(configFromRequest(pluginPackage(), { region: "cn-north-4" }, variables)("region")).toBe("cn-north-4");
  });
});
