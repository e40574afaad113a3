/** Where settings come from and what they resolve to: endpoints, precedence, credential sets, one error for every problem. */
import {
  ARGUMENT_NAMES,
  ARGUMENTS,
  CREDENTIAL_NAMES,
  PIN_CHOICE_NAMES,
  PIN_INPUT_NAMES,
  SECRET_NAMES,
  flagOf,
  namesOf,
} from "../../../provider/arguments/catalogue";
import { InvalidArgumentsError, MissingCredentialsError } from "../../../provider/errors";
import type { GetInstanceBackupsArgs } from "../../../provider/types";
import { AkSkCredentials, TokenCredentials } from "../../../provider/http/credentials";
import { iamEndpoint, serviceEndpoint } from "../../../provider/settings/endpoints";
import { mergeSettings } from "../../../provider/settings/merge";
import { NO_STACK_CONFIG, type SettingSources } from "../../../provider/settings/sources";
import { resolveSettings } from "../../../provider/validation/resolve";

const sources = (config: Record<string, string> = {}, env: Record<string, string> = {}): SettingSources => ({
  stackConfig: (key) => config[key],
  env,
});
const INSTANCE = "a".repeat(32) + "in07";
const AK = { accessKey: "AK1", secretKey: "SK1" };
const connection = (args: Partial<GetInstanceBackupsArgs>, from: SettingSources = sources()) =>
  resolveSettings({ instanceId: INSTANCE, ...args }, from).connection;
const problems = (args: Record<string, unknown>, from: SettingSources = sources()): string[] => {
  try {
    resolveSettings({ instanceId: INSTANCE, ...args }, from);
  } catch (error) {
    if (error instanceof InvalidArgumentsError) return error.issues.map((i) => `${i.argument}: ${i.problem}`);
    throw error;
  }
  throw new Error("expected the settings to be refused");
};

describe("the argument catalogue", () => {
  test("has exactly the keys of GetInstanceBackupsArgs, and every derived list is made of them", () => {
    // The object literal is checked by the compiler against Required<GetInstanceBackupsArgs>: no key missing, none extra.
    const everyArgument: { [K in keyof Required<GetInstanceBackupsArgs>]: true } = {
      instanceId: true,
      orderField: true,
      orderRule: true,
      filterField: true,
      filterContent: true,
      pageSize: true,
      statuses: true,
      backupTypes: true,
      createdAfter: true,
      createdBefore: true,
      requireLatestCompleted: true,
      maxAge: true,
      region: true,
      projectId: true,
      endpoint: true,
      iamEndpoint: true,
      accessKey: true,
      secretKey: true,
      securityToken: true,
      authToken: true,
      language: true,
      maxConcurrency: true,
      maxAttempts: true,
      requestTimeoutMs: true,
      timeoutMs: true,
    };
    expect([...ARGUMENT_NAMES].sort()).toEqual(Object.keys(everyArgument).sort());
    for (const list of [CREDENTIAL_NAMES, [...SECRET_NAMES], PIN_INPUT_NAMES, PIN_CHOICE_NAMES]) {
      for (const name of list) expect(ARGUMENT_NAMES).toContain(name);
    }
    expect(namesOf("query", "choice", "connection", "credential", "transport").sort()).toEqual([...ARGUMENT_NAMES].sort());
  });

  test("credentials are secret and have no command-line flag; every other argument has one", () => {
    expect([...SECRET_NAMES].sort()).toEqual(["accessKey", "authToken", "secretKey", "securityToken"]);
    expect(CREDENTIAL_NAMES.sort()).toEqual([...SECRET_NAMES].sort());
    for (const name of ARGUMENT_NAMES) {
      if (SECRET_NAMES.has(name)) expect(flagOf(name)).toBeUndefined();
      else expect(flagOf(name)).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
    expect(flagOf("instanceId")).toBe("instance");
    expect(flagOf("pageSize")).toBe("page-size");
  });

  test("the pinned resource re-pins on the choice inputs only, and never takes the ordering or the status filter", () => {
    expect(PIN_CHOICE_NAMES.sort()).toEqual(["backupTypes", "createdAfter", "createdBefore", "filterContent", "filterField", "instanceId"]);
    for (const name of ["orderField", "orderRule", "statuses", "requireLatestCompleted"]) expect(PIN_INPUT_NAMES).not.toContain(name);
    expect(ARGUMENTS.maxAge.pin).toBe("setting");
  });
});

describe("endpoints from the region table", () => {
  test.each([
    ["cn-north-4", "https://gaussdb.cn-north-4.myhuaweicloud.com"],
    ["ap-southeast-3", "https://gaussdb.ap-southeast-3.myhuaweicloud.com"],
    ["tr-west-1", "https://gaussdbformysql.tr-west-1.myhuaweicloud.com"],
    ["me-east-1", "https://gaussdbformysql.me-east-1.myhuaweicloud.com"],
    ["af-south-1", "https://gaussdb-mysql.af-south-1.myhuaweicloud.com"],
    ["cn-southwest-3", "https://gaussdb-mysql.cn-southwest-3.myhuaweicloud.com"],
  ])("%s → %s", (region, endpoint) => {
    expect(serviceEndpoint(region)).toBe(endpoint);
  });

  test("regions starting eu-west-1 use the .eu domain; unknown regions have no endpoint", () => {
    expect(iamEndpoint("eu-west-101")).toBe("https://iam.eu-west-101.myhuaweicloud.eu");
    expect(iamEndpoint("cn-north-4")).toBe("https://iam.cn-north-4.myhuaweicloud.com");
    expect(serviceEndpoint("eu-west-101")).toBeUndefined();
  });
});

describe("resolution", () => {
  test("the region gives the endpoint and the IAM endpoint", () => {
    const settings = connection({ region: "tr-west-1", ...AK });
    expect(settings.endpoint).toBe("https://gaussdbformysql.tr-west-1.myhuaweicloud.com");
    expect(settings.iamEndpoint).toBe("https://iam.tr-west-1.myhuaweicloud.com");
    expect(settings.projectId).toBeUndefined();
  });

  test("an endpoint keeps its base path, without a trailing slash", () => {
    expect(connection({ endpoint: "https://proxy.example.com/taurus/", projectId: "p".repeat(32), ...AK }).endpoint).toBe(
      "https://proxy.example.com/taurus",
    );
  });

  test("plain settings resolve field by field: argument, then taurusdb:*, then huaweicloud:*, then environment", () => {
    const env = {
      HW_REGION_NAME: "cn-south-1",
      HW_PROJECT_ID: "e".repeat(32),
      HUAWEICLOUD_SDK_IAM_ENDPOINT: "https://iam.example.com",
      TAURUSDB_ENDPOINT: "https://env.example.com",
    };
    const settings = connection(
      { ...AK, region: "cn-north-4" },
      sources(
        {
          "taurusdb:region": "cn-east-3",
          "taurusdb:projectId": "c".repeat(32),
          "huaweicloud:projectId": "h".repeat(32),
          "huaweicloud:region": "ap-southeast-1",
        },
        env,
      ),
    );
    expect(settings.region).toBe("cn-north-4");
    expect(settings.projectId).toBe("c".repeat(32));
    expect(settings.iamEndpoint).toBe("https://iam.example.com");
    expect(settings.endpoint).toBe("https://env.example.com");

    const shared = connection(
      { ...AK },
      sources(
        {
          "huaweicloud:region": "ap-southeast-1",
          "huaweicloud:projectId": "h".repeat(32),
          "huaweicloud:authUrl": "https://iam.private.example/v3",
        },
        env,
      ),
    );
    expect(shared.region).toBe("ap-southeast-1");
    expect(shared.projectId).toBe("h".repeat(32));
    expect(shared.iamEndpoint).toBe("https://iam.private.example");
  });

  test("credentials come as a set from the first place that has any: arguments, taurusdb:*, huaweicloud:*, then each environment family", () => {
    const env = { HUAWEICLOUD_SDK_AK: "envAK", HUAWEICLOUD_SDK_SK: "envSK" };
    expect(
      connection(
        { region: "cn-north-4" },
        sources({ "taurusdb:authToken": "tok", "huaweicloud:accessKey": "hAK", "huaweicloud:secretKey": "hSK" }, env),
      ).credentials,
    ).toBeInstanceOf(TokenCredentials);

    const fromProvider = connection(
      { region: "cn-north-4" },
      sources({ "huaweicloud:accessKey": "hAK", "huaweicloud:secretKey": "hSK", "huaweicloud:securityToken": "hST" }, env),
    );
    expect((fromProvider.credentials as AkSkCredentials).accessKey).toBe("hAK");
    expect((fromProvider.credentials as AkSkCredentials).securityToken).toBe("hST");

    const providerToken = connection({ region: "cn-north-4" }, sources({ "huaweicloud:token": "htok" }, env));
    expect((providerToken.credentials as TokenCredentials).token).toBe("htok");

    const fromEnv = connection(
      { region: "cn-north-4" },
      sources({}, { CLOUD_SDK_AK: "second", CLOUD_SDK_SK: "s2", HW_ACCESS_KEY: "third", HW_SECRET_KEY: "s3" }),
    );
    expect((fromEnv.credentials as AkSkCredentials).accessKey).toBe("second");

    for (const [ak, sk, token] of [
      ["HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK", "HUAWEICLOUD_SDK_SECURITY_TOKEN"],
      ["HW_ACCESS_KEY", "HW_SECRET_KEY", "HW_SECURITY_TOKEN"],
    ]) {
      const temporary = connection({ region: "cn-north-4" }, sources({}, { [ak]: "tmp", [sk]: "s", [token]: "session" }));
      expect((temporary.credentials as AkSkCredentials).securityToken).toBe("session");
    }
  });

  test("an access key in arguments is not completed by a secret from stack config or the environment", () => {
    for (const from of [
      sources({ "taurusdb:secretKey": "sk" }),
      sources({ "huaweicloud:secretKey": "sk" }),
      sources({}, { HUAWEICLOUD_SDK_SK: "sk" }),
    ]) {
      expect(problems({ region: "cn-north-4", accessKey: "AK" }, from)).toEqual([
        "credentials: incomplete in arguments: accessKey is set, but a secret key is not; an AK/SK pair is taken from one place",
      ]);
    }
  });

  test("a stack config key without its pair is named by key, and the environment is not mixed in", () => {
    expect(problems({ region: "cn-north-4" }, sources({ "taurusdb:accessKey": "AK" }, { HW_SECRET_KEY: "sk" }))).toEqual([
      "credentials: incomplete in stack config (taurusdb:*): stack config taurusdb:accessKey is set, but a secret key is not; an AK/SK pair is taken from one place",
    ]);
  });
});

describe("merging, place by place", () => {
  const config =
    (values: Record<string, string>): SettingSources["stackConfig"] =>
    (key) =>
      values[key];

  test("the second environment variable of an argument is read when the first is unset; blank values are unset, others trimmed", () => {
    const merged = mergeSettings({}, { stackConfig: NO_STACK_CONFIG, env: { HUAWEICLOUD_SDK_PROJECT_ID: "  ", HW_PROJECT_ID: " p1 " } });
    expect(merged.values.projectId).toBe("p1");
    expect(merged.origins.projectId).toBe("environment variable HW_PROJECT_ID");
  });

  test("stack config is read only for the arguments that have a key there, and blank config is unset", () => {
    const merged = mergeSettings(
      {},
      {
        stackConfig: config({ "taurusdb:instanceId": "from-config", "taurusdb:region": " ", "huaweicloud:region": " cn-north-4 " }),
        env: {},
      },
    );
    expect(merged.values.instanceId).toBeUndefined();
    expect(merged.values.region).toBe("cn-north-4");
    expect(merged.origins.region).toBe("stack config huaweicloud:region");
  });

  test("unknown names are the given ones that are not arguments; an undefined one is not given", () => {
    expect(
      mergeSettings({ instanceId: "i", regoin: "x", other: undefined }, { stackConfig: NO_STACK_CONFIG, env: {} }).unknownNames,
    ).toEqual(["regoin"]);
  });

  test("where to set a value: every place that is read, stack config only when it is read and the argument has a key there", () => {
    const withConfig = mergeSettings({}, { stackConfig: config({}), env: {} }).whereToSet;
    expect(withConfig("region")).toBe(
      "the region argument, stack config taurusdb:region (or huaweicloud:region) or environment variable HW_REGION_NAME",
    );
    expect(withConfig("instanceId")).toBe("the instanceId argument");
    const withoutConfig = mergeSettings({}, { stackConfig: NO_STACK_CONFIG, env: {} }).whereToSet;
    expect(withoutConfig("region")).toBe("the region argument or environment variable HW_REGION_NAME");
  });
});

describe("one error names every problem and where each value came from", () => {
  test("bad arguments, a missing region and missing credentials come in one MissingCredentialsError", () => {
    let error: unknown;
    try {
      resolveSettings({ instanceId: "bad", pageSize: 0 }, sources());
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(MissingCredentialsError);
    expect(error).toBeInstanceOf(InvalidArgumentsError);
    expect((error as InvalidArgumentsError).issues.map((i) => i.argument)).toEqual([
      "instanceId",
      "pageSize",
      "credentials",
      "region",
      "projectId",
    ]);
    expect((error as Error).message).toMatch(
      /credentials: none found. Give them in one of these ways:[\s\S]*HUAWEICLOUD_SDK_AK \+ HUAWEICLOUD_SDK_SK, CLOUD_SDK_AK \+ CLOUD_SDK_SK, HW_ACCESS_KEY \+ HW_SECRET_KEY/,
    );
    expect((error as Error).message).toMatch(
      /region: is needed to find the endpoint: set the region argument, stack config taurusdb:region \(or huaweicloud:region\) or environment variable HW_REGION_NAME, or give the endpoint/,
    );
  });

  test("values from stack config and the environment are named by key and variable", () => {
    expect(
      problems(
        {},
        sources(
          { "taurusdb:region": "CN-NORTH", "huaweicloud:projectId": "short", "taurusdb:accessKey": "AK", "taurusdb:secretKey": "SK" },
          { TAURUSDB_ENDPOINT: "http://example.com" },
        ),
      ),
    ).toEqual([
      'stack config taurusdb:region: must be a region name such as "cn-north-4" (got "CN-NORTH")',
      'stack config huaweicloud:projectId: must be 32 letters or digits (got "short")',
      'environment variable TAURUSDB_ENDPOINT: must use https; plain http is allowed only to loopback addresses (127.0.0.1, ::1, localhost) (got "http://example.com")',
    ]);
  });

  test("conflicting credentials are invalid, not missing, and no value of a credential is shown", () => {
    let error: unknown;
    try {
      resolveSettings({ instanceId: INSTANCE, region: "cn-north-4", authToken: "tok-secret", ...AK }, sources());
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(InvalidArgumentsError);
    expect(error).not.toBeInstanceOf(MissingCredentialsError);
    expect((error as Error).message).toMatch(
      /credentials: both an IAM token \(authToken\) and an AK\/SK pair are set in arguments; give one of them/,
    );
    expect((error as Error).message).not.toMatch(/tok-secret|SK1/);
  });

  test("a malformed credential from the environment is named by variable, without its value", () => {
    expect(problems({ region: "cn-north-4" }, sources({}, { HW_ACCESS_KEY: "secret value", HW_SECRET_KEY: "sk" }))).toEqual([
      "environment variable HW_ACCESS_KEY: must be printable ASCII without spaces (an access key)",
    ]);
  });
});

describe("stack config of a running Pulumi program", () => {
  test("a key is read in its namespace, by its name after the first colon", async () => {
    // Loaded here, not at the top: Pulumi's SDK takes a second to load, and mutation runs load this file per mutant.
    const pulumi = await import("@pulumi/pulumi");
    const { pulumiStackConfig } = await import("../../../provider/pulumi/stackConfig");
    // Namespaces of this test only: the program's config is process-wide and other tests read taurusdb:*.
    pulumi.runtime.setAllConfig({ "stackconfigtest:region": "cn-north-4", "stackconfigother:region": "ap-southeast-1" });
    const read = pulumiStackConfig();
    expect(read("stackconfigtest:region")).toBe("cn-north-4");
    expect(read("stackconfigother:region")).toBe("ap-southeast-1");
    expect(read("stackconfigtest:projectId")).toBeUndefined();
    expect(read("stackconfigunset:region")).toBeUndefined();
  });
});
