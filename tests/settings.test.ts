/** Where settings come from and what they resolve to: endpoints, precedence, credential sets. */
import { AkSkCredentials, TokenCredentials } from "../provider/settings/credentials";
import { iamEndpoint, serviceEndpoint } from "../provider/settings/endpoints";
import { resolveConnection } from "../provider/settings/resolve";
import type { SettingSources } from "../provider/settings/sources";

const sources = (config: Record<string, string> = {}, env: Record<string, string> = {}): SettingSources => ({
  stackConfig: (key) => config[key],
  env,
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
  const AK = { accessKey: "AK1", secretKey: "SK1" };

  test("the region gives the endpoint and the IAM endpoint", () => {
    const settings = resolveConnection({ region: "tr-west-1", ...AK }, sources());
    expect(settings.endpoint).toBe("https://gaussdbformysql.tr-west-1.myhuaweicloud.com");
    expect(settings.iamEndpoint).toBe("https://iam.tr-west-1.myhuaweicloud.com");
    expect(settings.projectId).toBeUndefined();
  });

  test("an endpoint keeps its base path, without a trailing slash", () => {
    const settings = resolveConnection({ endpoint: "https://proxy.example.com/taurus/", projectId: "p".repeat(32), ...AK }, sources());
    expect(settings.endpoint).toBe("https://proxy.example.com/taurus");
  });

  test("plain settings resolve field by field: argument, then stack config, then environment", () => {
    const settings = resolveConnection(
      { ...AK, region: "cn-north-4" },
      sources({ region: "cn-east-3", projectId: "c".repeat(32) }, { HW_REGION_NAME: "cn-south-1", HW_PROJECT_ID: "e".repeat(32), HUAWEICLOUD_SDK_IAM_ENDPOINT: "https://iam.example.com" }),
    );
    expect(settings.region).toBe("cn-north-4");
    expect(settings.projectId).toBe("c".repeat(32));
    expect(settings.iamEndpoint).toBe("https://iam.example.com");
  });

  test("credentials come as a set from the first source that has any", () => {
    const fromConfig = resolveConnection({ region: "cn-north-4" }, sources({ authToken: "tok" }, { HUAWEICLOUD_SDK_AK: "envAK", HUAWEICLOUD_SDK_SK: "envSK" }));
    expect(fromConfig.credentials).toBeInstanceOf(TokenCredentials);
    expect(fromConfig.credentialSource).toBe("stack config (taurusdb:*)");

    const fromEnv = resolveConnection({ region: "cn-north-4" }, sources({}, { CLOUD_SDK_AK: "second", CLOUD_SDK_SK: "s2", HW_ACCESS_KEY: "third", HW_SECRET_KEY: "s3" }));
    expect((fromEnv.credentials as AkSkCredentials).accessKey).toBe("second");

    const temporary = resolveConnection(
      { region: "cn-north-4" },
      sources({}, { HUAWEICLOUD_SDK_AK: "tmp", HUAWEICLOUD_SDK_SK: "s", HUAWEICLOUD_SDK_SECURITY_TOKEN: "session" }),
    );
    expect((temporary.credentials as AkSkCredentials).securityToken).toBe("session");
  });

  test("an access key in arguments is not completed by a secret from the environment", () => {
    expect(() => resolveConnection({ region: "cn-north-4", accessKey: "AK" }, sources({}, { HUAWEICLOUD_SDK_SK: "sk" }))).toThrow(
      /Incomplete credentials in arguments: accessKey is set but secretKey is not/,
    );
  });

  test("without a region or an endpoint there is nothing to call, and it says how to fix it", () => {
    expect(() => resolveConnection({ ...AK }, sources())).toThrow(/region: is needed to find the endpoint[\s\S]*projectId: is needed, or a region/);
  });
});
