/**
 * The plugin's secrecy and preview rules for a resource (provider/plugin/coreResource.ts), over a
 * provider object the test writes: what the engine gets back for each call, in memory.
 */
import { PartialStateError } from "../../../provider/dynamic/partialState";
import { CoreResource } from "../../../provider/plugin/coreResource";
import { ResourceInitFailure } from "../../../provider/plugin/handlers";
import { Secret, UNKNOWN, type PropertyMap } from "../../../provider/plugin/wire";
import { binding, PLACEHOLDER, pluginPackage } from "../../support/pluginPackage";

const rejectionOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe("check", () => {
  test("credentials and the resource's own secrets come back secret; a failure about a credential names it without its value", async () => {
    const resource = new CoreResource(
      pluginPackage(),
      binding({
        check: async (_olds, news) => ({
          inputs: news,
          failures: [
            { property: "secretKey", reason: "must not be empty" },
            { property: "backupId", reason: "backupId: must be a backup id" },
          ],
        }),
      }),
    );
    const result = await resource.check(
      {},
      { accessKey: "AK", secretKey: "", adminPassword: "Pw-1234567!", backupId: "b", nested: [new Secret("x")] },
    );
    expect(result.inputs).toEqual({
      accessKey: new Secret("AK"),
      secretKey: new Secret(""),
      adminPassword: new Secret("Pw-1234567!"),
      backupId: "b",
      // A secret inside an input makes the whole input secret, as the engine stores it.
      nested: new Secret(["x"]),
    });
    expect(result.failures).toEqual([
      { property: "", reason: "secretKey must not be empty" },
      { property: "backupId", reason: "backupId: must be a backup id" },
    ]);
  });

  test("unknown inputs reach the core as its placeholder, and come back unknown", async () => {
    const seen: unknown[] = [];
    const resource = new CoreResource(
      pluginPackage(),
      binding({ check: async (_o, news) => (seen.push(news), { inputs: news, failures: [] }) }),
    );
    const result = await resource.check({}, { backupId: UNKNOWN, keepers: { generation: UNKNOWN } });
    expect(seen).toEqual([{ backupId: PLACEHOLDER, keepers: { generation: PLACEHOLDER } }]);
    expect(result.inputs).toEqual({ backupId: UNKNOWN, keepers: { generation: UNKNOWN } });
  });
});

describe("create", () => {
  test("a preview calls nothing: it echoes the inputs but credentials, and shows every computed output as unknown", async () => {
    let calls = 0;
    const resource = new CoreResource(pluginPackage(), binding({ create: async () => (calls++, { id: "x" }) }));
    const preview = await resource.create({ accessKey: new Secret("AK"), backupId: "b", jobId: null }, true);
    expect(calls).toBe(0);
    expect(preview).toEqual({ id: "", properties: { backupId: "b", jobId: UNKNOWN, backup: UNKNOWN } });
  });

  test("values not known yet are never sent to the core", async () => {
    const resource = new CoreResource(pluginPackage(), binding({}));
    expect(await rejectionOf(resource.create({ backupId: UNKNOWN }, false))).toEqual(
      new Error("Thing cannot be created from values that are not known yet."),
    );
  });

  test("outputs drop credentials whatever the core returned, keep own secrets and echoed secret inputs secret (a secret choice hides the computed ones)", async () => {
    const resource = new CoreResource(
      pluginPackage(),
      binding({ create: async (inputs) => ({ id: "job-1", outs: { ...inputs, jobId: "job-1", secretKey: "leaked?" } }) }),
    );
    const created = await resource.create(
      { accessKey: new Secret("AK"), adminPassword: "Pw", note: new Secret("n"), backupId: "b" },
      false,
    );
    expect(created).toEqual({
      id: "job-1",
      properties: { adminPassword: new Secret("Pw"), note: new Secret("n"), backupId: "b", jobId: new Secret("job-1") },
    });
  });

  test("a secret choice, even nested in a list, makes every computed output secret; a secret credential or own secret does not", async () => {
    const resource = new CoreResource(
      pluginPackage(),
      binding({ create: async () => ({ id: "j", outs: { jobId: "j", backup: { id: "b" }, other: 1 } }) }),
    );
    const chosenInSecret = await resource.create({ keepers: [new Secret("g")] } as PropertyMap, false);
    expect(chosenInSecret.properties).toEqual({ jobId: new Secret("j"), backup: new Secret({ id: "b" }), other: 1 });
    const secretCredentials = await resource.create({ accessKey: new Secret("AK"), adminPassword: new Secret("Pw") }, false);
    expect(secretCredentials.properties).toEqual({ jobId: "j", backup: { id: "b" }, other: 1 });
  });

  test("a partial state becomes the engine's initialization failure, its outputs under the same rules", async () => {
    const resource = new CoreResource(
      pluginPackage(),
      binding({
        create: async () =>
          Promise.reject(
            new PartialStateError(new Error("job still running"), "job-9", { jobId: "job-9", accessKey: "AK", adminPassword: "Pw" }),
          ),
      }),
    );
    const failure = (await rejectionOf(resource.create({ adminPassword: "Pw" }, false))) as ResourceInitFailure;
    expect(failure).toBeInstanceOf(ResourceInitFailure);
    expect(failure).toMatchObject({ message: "job still running", id: "job-9", reasons: ["job still running"] });
    expect(failure.properties).toEqual({ jobId: "job-9", adminPassword: new Secret("Pw") });
  });

  test("any other error passes through as it is", async () => {
    const refused = new Error("refused");
    const resource = new CoreResource(pluginPackage(), binding({ create: async () => Promise.reject(refused) }));
    expect(await rejectionOf(resource.create({}, false))).toBe(refused);
  });
});

describe("read, update, diff, delete", () => {
  test("a refresh passes the credentials given as inputs to the core beside the state, and an empty id means gone", async () => {
    const seen: unknown[] = [];
    const resource = new CoreResource(
      pluginPackage(),
      binding({ read: async (id, props) => (seen.push(props), id === "gone" ? { id: "", props: {} } : { id, props }) }),
    );
    const read = await resource.read("job-1", { jobId: "job-1" }, { accessKey: new Secret("AK"), backupId: "b" });
    expect(seen[0]).toEqual({ jobId: "job-1", accessKey: "AK" });
    expect(read).toEqual({ id: "job-1", properties: { jobId: "job-1" }, inputs: { accessKey: new Secret("AK"), backupId: "b" } });
    expect(await resource.read("gone", {}, {})).toEqual({ id: "", properties: {}, inputs: {} });
  });

  test("an output that was secret in the last state stays secret after an update", async () => {
    const resource = new CoreResource(pluginPackage(), binding({ update: async () => ({ outs: { jobId: "j", backup: { id: "b" } } }) }));
    const updated = await resource.update("j", { jobId: new Secret("j") }, {});
    expect(updated.properties).toEqual({ jobId: new Secret("j"), backup: { id: "b" } });
  });

  test("diff answers the core's decision, and a replacement list is passed on", async () => {
    const resource = new CoreResource(
      pluginPackage(),
      binding({ diff: async (_id, olds, news) => ({ changes: olds.backupId !== news.backupId, replaces: ["backupId"] }) }),
    );
    expect(await resource.diff("j", { backupId: "a" }, { backupId: "b" })).toEqual({
      changes: true,
      replaces: ["backupId"],
      diffs: [],
      deleteBeforeReplace: false,
    });
    expect((await resource.diff("j", { backupId: "a" }, { backupId: "a" })).changes).toBe(false);
  });

  test("delete hands the plain state to the core", async () => {
    const seen: unknown[] = [];
    const resource = new CoreResource(pluginPackage(), binding({ delete: async (id, props) => void seen.push([id, props]) }));
    await resource.delete("j", { adminPassword: new Secret("Pw") });
    expect(seen).toEqual([["j", { adminPassword: "Pw" }]]);
  });
});
