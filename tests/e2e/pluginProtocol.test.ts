/**
 * The installed plugin executable spoken to over its gRPC protocol directly, the way the engine
 * does, for what a program cannot easily make the engine do on cue: configuration checks and diffs,
 * secrets arriving wrapped, unknown values during preview, credentials in the outputs, Cancel while
 * a listing hangs, and a clean exit on SIGINT. Against the emulator over HTTP; the struct encoding
 * here is written from Pulumi's wire constants, independently of the plugin's own (wire.ts).
 */
import * as grpc from "@grpc/grpc-js";
import { specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as providerPb from "@pulumi/pulumi/proto/provider_pb";
import * as statusPb from "@pulumi/pulumi/proto/status_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { ensureEngine } from "../../harness/engine";
import { installPluginFromArchive, type InstalledPlugin } from "../../harness/pluginInstall";
import { waitFor } from "../support/emulator";

jest.setTimeout(120_000);

const RESOURCE_TYPE = "taurusdb:index:LatestCompletedBackup";
const URN = `urn:pulumi:dev::proto::${RESOURCE_TYPE}::pinned`;
const PROVIDER_URN = "urn:pulumi:dev::proto::pulumi:providers:taurusdb::default";
const FUNCTION = "taurusdb:index:getInstanceBackups";
const RESTORE_TYPE = "taurusdb:index:InstanceRestore";
const RESTORE_URN = `urn:pulumi:dev::proto::${RESTORE_TYPE}::staging`;

const secret = (value: unknown) => ({ [specialSigKey]: specialSecretSig, value });
const isSecretValue = (value: unknown) =>
  typeof value === "object" && value !== null && (value as Record<string, unknown>)[specialSigKey] === specialSecretSig;
const struct = (value: Record<string, unknown>) => Struct.fromJavaScript(value as never);

/** One running plugin process and a client for it. */
class PluginProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly client: ResourceProviderClient,
    readonly output: string[],
  ) {}

  static async start(executable: string): Promise<PluginProcess> {
    const child = spawn(executable, ["127.0.0.1:1"], { stdio: ["ignore", "pipe", "pipe"] });
    const output: string[] = [];
    child.stderr!.on("data", (chunk) => output.push(String(chunk)));
    const port = await new Promise<string>((resolve, reject) => {
      let stdout = "";
      child.stdout!.on("data", (chunk) => {
        stdout += chunk;
        output.push(String(chunk));
        if (stdout.includes("\n")) resolve(stdout.split("\n")[0].trim());
      });
      child.on("exit", (code) => reject(new Error(`the plugin exited (${code}) before printing its port: ${output.join("")}`)));
    });
    return new PluginProcess(child, new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure()), output);
  }

  call<Req, Res>(method: string, request: Req): Promise<Res> {
    const fn = (this.client as unknown as Record<string, (r: Req, cb: (e: grpc.ServiceError | null, r: Res) => void) => void>)[method];
    return new Promise((resolve, reject) =>
      fn.call(this.client, request, (error, response) => (error ? reject(error) : resolve(response))),
    );
  }

  async configure(args: Record<string, unknown>): Promise<providerPb.ConfigureResponse> {
    return this.call("configure", new providerPb.ConfigureRequest().setArgs(struct(args)).setAcceptsecrets(true).setAcceptresources(true));
  }

  invoke(args: Record<string, unknown>, preview = false): Promise<providerPb.InvokeResponse> {
    return this.call("invoke", new providerPb.InvokeRequest().setTok(FUNCTION).setArgs(struct(args)).setPreview(preview));
  }

  create(properties: Record<string, unknown>, preview = false): Promise<providerPb.CreateResponse> {
    return this.call(
      "create",
      new providerPb.CreateRequest().setUrn(URN).setType(RESOURCE_TYPE).setProperties(struct(properties)).setPreview(preview),
    );
  }

  async stop(): Promise<void> {
    this.client.close();
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once("exit", resolve));
      this.child.kill("SIGKILL");
      await exited;
    }
  }
}

let emulator: RunningEmulator;
let installed: InstalledPlugin;
let plugin: PluginProcess;
const listingRequests = () => emulator.control.stats().byRoute.backups;

beforeAll(async () => {
  emulator = await startEmulator({ backups: 40, seed: 5 });
  installed = await installPluginFromArchive(ensureEngine(), "protocol");
});
beforeEach(async () => {
  plugin = await PluginProcess.start(installed.executable);
});
afterEach(async () => {
  await plugin?.stop();
  emulator.control.clearFaults();
});
afterAll(async () => {
  installed?.dispose();
  await emulator?.close();
});

const connection = () => ({ endpoint: emulator.url, projectId: emulator.projectId });
const newestCompleted = () => emulator.control.backups().find((b) => b.status === "COMPLETED")!.id;

describe("plugin information and schema", () => {
  test("GetPluginInfo reports the package version; GetSchema returns the schema.json of the repository", async () => {
    const info = await plugin.call<Empty, { getVersion(): string }>("getPluginInfo", new Empty());
    expect(info.getVersion()).toBe(installed.archive.version);
    const response = await plugin.call<providerPb.GetSchemaRequest, providerPb.GetSchemaResponse>(
      "getSchema",
      new providerPb.GetSchemaRequest(),
    );
    const schema = JSON.parse(response.getSchema());
    expect(schema).toEqual(JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "schema.json"), "utf8")));
    expect(schema.config.variables.secretKey.secret).toBe(true);
    expect(Object.keys(schema.functions)).toEqual([FUNCTION]);
    expect(Object.keys(schema.resources)).toEqual([RESOURCE_TYPE, RESTORE_TYPE]);
  });
});

describe("provider configuration", () => {
  const checkConfig = (news: Record<string, unknown>) =>
    plugin.call<providerPb.CheckRequest, providerPb.CheckResponse>(
      "checkConfig",
      new providerPb.CheckRequest().setUrn(PROVIDER_URN).setNews(struct(news)),
    );

  test("CheckConfig reports every bad value, unknown key and half credential set, without quoting a secret", async () => {
    const response = await checkConfig({
      version: "0.1.0",
      endpoint: "ftp://example.com",
      regoin: "cn-north-4",
      projectId: "short",
      accessKey: "AK-ONLY-VALUE",
    });
    const failures = response.getFailuresList().map((f) => [f.getProperty(), f.getReason()]);
    expect(failures.map(([property]) => property).sort()).toEqual(["", "endpoint", "projectId", "regoin"]);
    expect(failures.find(([p]) => p === "")![1]).toMatch(
      /^credentials: incomplete in stack config \(taurusdb:\*\): stack config taurusdb:accessKey is set, but a secret key is not/,
    );
    expect(failures.find(([p]) => p === "endpoint")![1]).toMatch(/must use https/);
    expect(failures.find(([p]) => p === "regoin")![1]).toMatch(/is not a taurusdb configuration key/);
    expect(JSON.stringify(failures)).not.toContain("AK-ONLY-VALUE");
  });

  test("a bad credential is reported without a property, so the engine does not print its value beside the reason", async () => {
    const response = await checkConfig({ ...connection(), authToken: "token with spaces" });
    const failures = response.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() }));
    expect(failures).toEqual([{ property: "", reason: expect.stringMatching(/^taurusdb:authToken must be printable ASCII/) }]);
    expect(JSON.stringify(failures)).not.toContain("token with spaces");
    await plugin.configure(connection());
    const check = await plugin.call<providerPb.CheckRequest, providerPb.CheckResponse>(
      "check",
      new providerPb.CheckRequest()
        .setUrn(URN)
        .setType(RESOURCE_TYPE)
        .setOlds(struct({}))
        .setNews(struct({ instanceId: emulator.instanceId, securityToken: "tok en" })),
    );
    expect(check.getFailuresList().map((f) => [f.getProperty(), f.getReason()])).toEqual([
      ["", expect.stringMatching(/^securityToken: must be printable ASCII/)],
      ["", expect.stringMatching(/^credentials: incomplete in arguments: securityToken is set, but an access key is not/)],
    ]);
    expect(JSON.stringify(check.getFailuresList().map((f) => f.getReason()))).not.toContain("tok en");
  });

  test("CheckConfig accepts a valid configuration and returns credentials as secrets, even when given plain", async () => {
    const response = await checkConfig({
      ...connection(),
      accessKey: emulator.credentials.accessKey,
      secretKey: secret(emulator.credentials.secretKey),
    });
    expect(response.getFailuresList()).toEqual([]);
    const inputs = response.getInputs()!.toJavaScript();
    expect(isSecretValue(inputs.accessKey)).toBe(true);
    expect(isSecretValue(inputs.secretKey)).toBe(true);
    expect(inputs.endpoint).toBe(emulator.url);
  });

  test("DiffConfig: new credentials or a new endpoint update the provider, never replace it", async () => {
    const olds = { ...connection(), accessKey: "OLDKEY", secretKey: "old-secret" };
    const diff = (news: Record<string, unknown>) =>
      plugin.call<providerPb.DiffRequest, providerPb.DiffResponse>(
        "diffConfig",
        new providerPb.DiffRequest().setUrn(PROVIDER_URN).setOlds(struct(olds)).setOldInputs(struct(olds)).setNews(struct(news)),
      );
    const rotated = await diff({ ...olds, accessKey: "NEWKEY", secretKey: "new-secret" });
    expect(rotated.getChanges()).toBe(providerPb.DiffResponse.DiffChanges.DIFF_SOME);
    expect(rotated.getDiffsList()).toEqual(["accessKey", "secretKey"]);
    expect(rotated.getReplacesList()).toEqual([]);
    const moved = await diff({ ...olds, endpoint: "https://gaussdb.cn-north-4.myhuaweicloud.com" });
    expect(moved.getReplacesList()).toEqual([]);
    const same = await diff(olds);
    expect(same.getChanges()).toBe(providerPb.DiffResponse.DiffChanges.DIFF_NONE);
  });

  test("Configure takes secret-wrapped credentials, answers acceptSecrets and supportsPreview, and the listing signs with them", async () => {
    const response = await plugin.configure({
      ...connection(),
      accessKey: secret(emulator.credentials.accessKey),
      secretKey: secret(emulator.credentials.secretKey),
    });
    expect(response.getAcceptsecrets()).toBe(true);
    expect(response.getSupportspreview()).toBe(true);
    const authFailures = emulator.control.stats().authFailures;
    const result = (await plugin.invoke({ instanceId: emulator.instanceId })).getReturn()!.toJavaScript();
    expect(result.totalCount).toBe(40);
    expect(result.latestCompletedBackupId).toBe(newestCompleted());
    expect(emulator.control.stats().authFailures).toBe(authFailures);
  });

  test("without credentials anywhere, the invoke fails naming the ways to give them, before any request", async () => {
    await plugin.configure(connection());
    const requests = emulator.control.stats().requests;
    const response = await plugin.invoke({ instanceId: emulator.instanceId });
    expect(response.getFailuresList().map((f) => [f.getProperty(), f.getReason()])).toEqual([
      ["credentials", expect.stringMatching(/^none found\. Give them in one of these ways/)],
    ]);
    expect(emulator.control.stats().requests).toBe(requests);
  });
});

describe("getInstanceBackups", () => {
  beforeEach(async () => {
    await plugin.configure({
      ...connection(),
      accessKey: secret(emulator.credentials.accessKey),
      secretKey: secret(emulator.credentials.secretKey),
    });
  });

  test("invalid arguments come back as failures per argument, before any request", async () => {
    const before = listingRequests();
    const response = await plugin.invoke({ instanceId: emulator.instanceId, pageSize: 0, statuses: ["DONE"] });
    expect(
      response
        .getFailuresList()
        .map((f) => f.getProperty())
        .sort(),
    ).toEqual(["pageSize", "statuses"]);
    expect(listingRequests()).toBe(before);
  });

  test("an argument not known yet (preview) gives an empty result and no request with a placeholder", async () => {
    const before = listingRequests();
    const response = await plugin.invoke({ instanceId: unknownValue }, true);
    expect(response.getReturn()!.toJavaScript()).toEqual({});
    expect(listingRequests()).toBe(before);
  });

  test("a secret argument makes the result secret; secret credentials alone do not", async () => {
    const name = emulator.control.backups()[0].name;
    const secretFilter = (await plugin.invoke({ instanceId: emulator.instanceId, filterContent: secret(name) }))
      .getReturn()!
      .toJavaScript();
    expect(isSecretValue(secretFilter.backups)).toBe(true);
    expect(isSecretValue(secretFilter.totalCount)).toBe(true);
    const secretKeys = (
      await plugin.invoke({
        instanceId: emulator.instanceId,
        ...connection(),
        accessKey: secret(emulator.credentials.accessKey),
        secretKey: secret(emulator.credentials.secretKey),
      })
    )
      .getReturn()!
      .toJavaScript();
    expect(secretKeys.latestCompletedBackupId).toBe(newestCompleted());
  });
});

describe("LatestCompletedBackup", () => {
  beforeEach(async () => {
    await plugin.configure(connection());
  });
  const credentialInputs = () => ({ accessKey: secret(emulator.credentials.accessKey), secretKey: secret(emulator.credentials.secretKey) });

  test("Check returns credential inputs as secrets and leaves values not known yet for later", async () => {
    const response = await plugin.call<providerPb.CheckRequest, providerPb.CheckResponse>(
      "check",
      new providerPb.CheckRequest()
        .setUrn(URN)
        .setType(RESOURCE_TYPE)
        .setOlds(struct({}))
        .setNews(struct({ instanceId: unknownValue, accessKey: "PLAIN-AK", secretKey: "plain-sk" })),
    );
    expect(response.getFailuresList()).toEqual([]);
    const inputs = response.getInputs()!.toJavaScript();
    expect(inputs.instanceId).toBe(unknownValue);
    expect(isSecretValue(inputs.accessKey)).toBe(true);
    expect(isSecretValue(inputs.secretKey)).toBe(true);
  });

  test("a preview Create lists nothing and shows the choice as unknown", async () => {
    const before = listingRequests();
    const response = await plugin.create(
      { instanceId: emulator.instanceId, keepers: { restore: unknownValue }, ...credentialInputs() },
      true,
    );
    const outputs = response.getProperties()!.toJavaScript();
    expect(outputs.backupId).toBe(unknownValue);
    expect(outputs.backup).toBe(unknownValue);
    expect(outputs).not.toHaveProperty("accessKey");
    expect(listingRequests()).toBe(before);
  });

  test("Create pins the newest COMPLETED backup; credential inputs never reach the outputs", async () => {
    const response = await plugin.create({ instanceId: emulator.instanceId, keepers: { restore: "v1" }, ...credentialInputs() });
    expect(response.getId()).toBe(newestCompleted());
    const outputs = response.getProperties()!.toJavaScript();
    expect(outputs.backupId).toBe(newestCompleted());
    expect(isSecretValue(outputs.backupId)).toBe(false);
    for (const key of ["accessKey", "secretKey", "securityToken", "authToken"]) expect(outputs).not.toHaveProperty(key);
    expect(JSON.stringify(outputs)).not.toContain(emulator.credentials.secretKey);
  });

  test("a secret input keeps its output and the choice secret", async () => {
    const response = await plugin.create({ instanceId: emulator.instanceId, keepers: secret({ restore: "v1" }), ...credentialInputs() });
    const outputs = response.getProperties()!.toJavaScript();
    expect(isSecretValue(outputs.keepers)).toBe(true);
    expect(isSecretValue(outputs.backupId)).toBe(true);
    expect(isSecretValue(outputs.backup)).toBe(true);
  });

  test("Read (refresh) with credentials given only as inputs: an expired pin is kept and marked unavailable", async () => {
    const created = (await plugin.create({ instanceId: emulator.instanceId, ...credentialInputs() })).getProperties()!;
    const id = created.toJavaScript().backupId as string;
    const read = (inputs: Record<string, unknown>) =>
      plugin.call<providerPb.ReadRequest, providerPb.ReadResponse>(
        "read",
        new providerPb.ReadRequest().setId(id).setUrn(URN).setType(RESOURCE_TYPE).setProperties(created).setInputs(struct(inputs)),
      );
    const current = await read({ instanceId: emulator.instanceId, ...credentialInputs() });
    expect(current.getId()).toBe(id);
    expect(current.getProperties()!.toJavaScript()).not.toHaveProperty("secretKey");
    emulator.control.deleteBackup(id);
    const expired = await read({ instanceId: emulator.instanceId, ...credentialInputs() });
    expect(expired.getId()).toBe(id);
    expect(expired.getProperties()!.toJavaScript()).toMatchObject({ backupId: id, available: false });
  });

  test('Read (refresh) of a pin with onExpired "repin": an expired pin reads as gone', async () => {
    const created = (await plugin.create({ instanceId: emulator.instanceId, onExpired: "repin", ...credentialInputs() })).getProperties()!;
    const id = created.toJavaScript().backupId as string;
    emulator.control.deleteBackup(id);
    const read = await plugin.call<providerPb.ReadRequest, providerPb.ReadResponse>(
      "read",
      new providerPb.ReadRequest()
        .setId(id)
        .setUrn(URN)
        .setType(RESOURCE_TYPE)
        .setProperties(created)
        .setInputs(struct({ instanceId: emulator.instanceId, ...credentialInputs() })),
    );
    expect(read.getId()).toBe("");
  });
});

describe("InstanceRestore", () => {
  const PASSWORD = "Proto-Staging-5w!";
  let target: string;
  beforeEach(async () => {
    await plugin.configure({
      ...connection(),
      accessKey: secret(emulator.credentials.accessKey),
      secretKey: secret(emulator.credentials.secretKey),
    });
    target = emulator.control.addInstance({ name: "staging" });
    emulator.control.setRestoreDurations({ pendingMs: 20, runningMs: 100 });
  });
  const check = (news: Record<string, unknown>) =>
    plugin.call<providerPb.CheckRequest, providerPb.CheckResponse>(
      "check",
      new providerPb.CheckRequest().setUrn(RESTORE_URN).setType(RESTORE_TYPE).setOlds(struct({})).setNews(struct(news)),
    );

  test("Check returns a plain admin password as a secret, and a bad one is reported without its property (so never printed)", async () => {
    const inputs = (
      await check({ sourceInstanceId: emulator.instanceId, targetInstanceId: target, backupId: newestCompleted(), adminPassword: PASSWORD })
    )
      .getInputs()!
      .toJavaScript();
    expect(isSecretValue(inputs.adminPassword)).toBe(true);
    const refused = await check({
      sourceInstanceId: emulator.instanceId,
      targetInstanceId: target,
      backupId: newestCompleted(),
      adminPassword: "weak",
    });
    const failures = refused.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() }));
    expect(failures).toEqual([{ property: "", reason: "adminPassword: must be 8 to 32 characters long" }]);
    expect(emulator.control.stats().byRoute.restore).toBe(0);
  });

  test("Check of a new restore refuses a BUILDING backup before any restore request", async () => {
    const building = emulator.control.addBackup({ name: "building" });
    const failures = (
      await check({ sourceInstanceId: emulator.instanceId, targetInstanceId: target, backupId: building.id })
    ).getFailuresList();
    expect(failures.map((f) => f.getProperty())).toEqual(["backupId"]);
    expect(failures[0].getReason()).toContain(`Backup ${building.id} of instance ${emulator.instanceId} is BUILDING, not COMPLETED`);
    expect(emulator.control.restoreHistory(target)).toEqual([]);
  });

  test("a preview Create restores nothing and shows the job as unknown; Create restores, with the password secret and no credential in the outputs", async () => {
    const inputs = {
      sourceInstanceId: emulator.instanceId,
      targetInstanceId: target,
      backupId: newestCompleted(),
      adminPassword: secret(PASSWORD),
      pollIntervalSeconds: 1,
    };
    const create = (preview: boolean) =>
      plugin.call<providerPb.CreateRequest, providerPb.CreateResponse>(
        "create",
        new providerPb.CreateRequest().setUrn(RESTORE_URN).setType(RESTORE_TYPE).setProperties(struct(inputs)).setPreview(preview),
      );
    const previewed = (await create(true)).getProperties()!.toJavaScript();
    expect(previewed.jobId).toBe(unknownValue);
    expect(emulator.control.restoreHistory(target)).toEqual([]);

    const created = await create(false);
    const outputs = created.getProperties()!.toJavaScript();
    const [job] = emulator.control.restoreHistory(target);
    expect(created.getId()).toBe(job.id);
    expect(outputs).toMatchObject({ jobId: job.id, jobStatus: "Completed", targetInstanceId: target });
    expect(isSecretValue(outputs.adminPassword)).toBe(true);
    expect(isSecretValue(outputs.jobId)).toBe(false);
    for (const key of ["accessKey", "secretKey", "securityToken", "authToken"]) expect(outputs).not.toHaveProperty(key);
    expect(emulator.control.passwordMatches(PASSWORD, target)).toBe(true);
  });
});

describe("cancellation and shutdown", () => {
  test("Cancel ends a Create whose listing hangs, and later operations are refused", async () => {
    await plugin.configure({
      ...connection(),
      accessKey: secret(emulator.credentials.accessKey),
      secretKey: secret(emulator.credentials.secretKey),
    });
    emulator.control.injectFaults({ kind: "stall", times: Infinity });
    // Without Cancel this would wait for minutes: nothing answers and the deadlines are long.
    const create = plugin.create({ instanceId: emulator.instanceId, requestTimeoutMs: 600_000, timeoutMs: 3_600_000 });
    await waitFor(() => emulator.control.stats().stalled > 0);
    await plugin.call("cancel", new Empty());
    await expect(create).rejects.toThrow(/cancelled/);
    await expect(plugin.invoke({ instanceId: emulator.instanceId })).rejects.toThrow(/cancelled/);
  });

  test("Cancel while a restore job runs fails the Create with the restore recorded as under way (an initialization failure naming the job)", async () => {
    await plugin.configure({
      ...connection(),
      accessKey: secret(emulator.credentials.accessKey),
      secretKey: secret(emulator.credentials.secretKey),
    });
    const target = emulator.control.addInstance({ name: "cancelled-restore" });
    emulator.control.setRestoreDurations({ pendingMs: 20, runningMs: 60_000 });
    const inputs = { sourceInstanceId: emulator.instanceId, targetInstanceId: target, backupId: newestCompleted(), pollIntervalSeconds: 1 };
    const outcome = plugin
      .call<providerPb.CreateRequest, providerPb.CreateResponse>(
        "create",
        new providerPb.CreateRequest()
          .setUrn(`urn:pulumi:dev::proto::${RESTORE_TYPE}::cancelled`)
          .setType(RESTORE_TYPE)
          .setProperties(struct(inputs)),
      )
      .then(
        () => undefined,
        (e: grpc.ServiceError) => e,
      );
    await waitFor(() => emulator.control.restoreHistory(target).length > 0);
    await plugin.call("cancel", new Empty());
    const error = (await outcome)!;
    expect(error.details).toMatch(
      /^Stopped following restore job [\w-]+ into instance \w+: An operation was cancelled[\s\S]*the next update waits for this job instead of restoring again/,
    );
    const status = statusPb.Status.deserializeBinary(error.metadata.get("grpc-status-details-bin")[0] as Buffer);
    const failed = status
      .getDetailsList()[0]
      .unpack(providerPb.ErrorResourceInitFailed.deserializeBinary, "pulumirpc.ErrorResourceInitFailed")!;
    const [job] = emulator.control.restoreHistory(target);
    expect(failed.getId()).toBe(job.id);
    expect(failed.getProperties()!.toJavaScript()).toMatchObject({
      jobId: job.id,
      jobStatus: expect.stringMatching(/Pending|Running/),
      targetInstanceId: target,
    });
    emulator.control.setRestoreDurations({ pendingMs: 20, runningMs: 100 });
  });

  test("SIGINT (how the engine stops a plugin) ends the process with exit code 0", async () => {
    const exited = new Promise<number | null>((resolve) => plugin.child.once("exit", (code) => resolve(code)));
    plugin.child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(plugin.output.join("")).not.toMatch(/Error|error/);
  });
});
