/**
 * The banner tells the truth: the environment, stack config, instance id and curl line it prints
 * are enough to reach this emulator, signed or by token, and name only this emulator.
 */
import { banner, startEmulator, type RunningEmulator } from "pulumi-taurusdb-backups/emulator";
import { backupsPath, PROJECTS_PATH, type WireBackupPage, type WireProjectList } from "../../../provider/api/wire";
import { signedFetch } from "../../support/emulatorRequests";

describe("the banner", () => {
  let emulator: RunningEmulator;
  let text: string;

  beforeAll(async () => {
    emulator = await startEmulator({ backups: 17, seed: 4, region: "ap-southeast-1" });
    text = banner(emulator);
  });
  afterAll(() => emulator.close());

  const exports = () => Object.fromEntries([...text.matchAll(/^ {2}export (\w+)=(\S+)$/gm)].map((m) => [m[1], m[2]]));
  const config = () =>
    [...text.matchAll(/^ {2}pulumi config set (--secret )?(taurusdb:\w+) (\S+)$/gm)].map((m) => ({
      key: m[2],
      value: m[3],
      secret: m[1] !== undefined,
    }));

  it("exports the endpoint, key pair, project, IAM endpoint and region, and nothing else", () => {
    expect(exports()).toEqual({
      TAURUSDB_ENDPOINT: emulator.url,
      HUAWEICLOUD_SDK_AK: emulator.credentials.accessKey,
      HUAWEICLOUD_SDK_SK: emulator.credentials.secretKey,
      HUAWEICLOUD_SDK_PROJECT_ID: emulator.projectId,
      HUAWEICLOUD_SDK_IAM_ENDPOINT: emulator.url,
      HW_REGION_NAME: "ap-southeast-1",
    });
  });

  it("gives the same settings as stack config, the keys as secrets", () => {
    const env = exports();
    expect(config()).toEqual([
      { key: "taurusdb:endpoint", value: env.TAURUSDB_ENDPOINT, secret: false },
      { key: "taurusdb:projectId", value: env.HUAWEICLOUD_SDK_PROJECT_ID, secret: false },
      { key: "taurusdb:region", value: env.HW_REGION_NAME, secret: false },
      { key: "taurusdb:accessKey", value: env.HUAWEICLOUD_SDK_AK, secret: true },
      { key: "taurusdb:secretKey", value: env.HUAWEICLOUD_SDK_SK, secret: true },
    ]);
  });

  it("is enough to list the instance it names, signed with the exported key pair", async () => {
    const env = exports();
    const instanceId = /^and use instanceId (\S+)\.$/m.exec(text)?.[1] ?? "";
    const key = { accessKey: env.HUAWEICLOUD_SDK_AK, secretKey: env.HUAWEICLOUD_SDK_SK };
    const page = await signedFetch<WireBackupPage>({
      base: env.TAURUSDB_ENDPOINT,
      path: backupsPath(env.HUAWEICLOUD_SDK_PROJECT_ID, instanceId),
      query: [["limit", "100"]],
      signed: { "X-Project-Id": env.HUAWEICLOUD_SDK_PROJECT_ID },
      key,
    });
    expect(page.status).toBe(200);
    expect(page.body.total_count).toBe("17");
    expect(text).toMatch(new RegExp(`instance id\\s+${instanceId} \\(17 backups\\)`));
  });

  it("lets a program that knows only the region find the project at the exported IAM endpoint", async () => {
    const env = exports();
    const key = { accessKey: env.HUAWEICLOUD_SDK_AK, secretKey: env.HUAWEICLOUD_SDK_SK };
    const found = await signedFetch<WireProjectList>({
      base: env.HUAWEICLOUD_SDK_IAM_ENDPOINT,
      path: PROJECTS_PATH,
      query: [["name", env.HW_REGION_NAME]],
      key,
    });
    expect(found.body.projects.map((p) => p.id)).toEqual([env.HUAWEICLOUD_SDK_PROJECT_ID]);
  });

  it("prints a curl line that works as printed", async () => {
    const [, header, value, url] = /curl -H "([^:]+): (\S+)" "(\S+)"/.exec(text) ?? [];
    const response = await fetch(url, { headers: { [header]: value } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as WireBackupPage).backups).toHaveLength(5);
  });
});
