/** Which call goes where (provider/plugin/provider.ts, grpcService.ts's URN parsing), in memory. */
import { typeOfUrn } from "../../../provider/plugin/grpcService";
import { OperationCancelledError } from "../../../provider/plugin/cancellation";
import { createProvider } from "../../../provider/plugin/provider";
import { Secret } from "../../../provider/plugin/wire";
import { binding, pluginPackage } from "../../support/pluginPackage";

const URN = "urn:pulumi:dev::proj::taurusdb:index:Thing::thing";

function provider() {
  const calls: string[] = [];
  const pkg = pluginPackage({
    resources: [
      binding({
        check: async (_o, news) => (calls.push("check"), { inputs: news, failures: [] }),
        create: async () => (calls.push("create"), { id: "id-1", outs: { jobId: "j" } }),
        read: async (id, props) => (calls.push("read"), { id, props }),
        update: async () => (calls.push("update"), { outs: {} }),
        diff: async () => (calls.push("diff"), { changes: false }),
        delete: async () => void calls.push("delete"),
      }),
    ],
    listBackups: async () => (calls.push("list"), { totalCount: 0 }),
  });
  return { pkg, calls, handlers: createProvider(pkg) };
}

test("each resource call reaches the resource of its type token", async () => {
  const { calls, handlers } = provider();
  const ref = { urn: URN, type: "taurusdb:index:Thing" };
  await handlers.check({ ...ref, olds: {}, news: {} });
  await handlers.diff({ ...ref, id: "id-1", olds: {}, news: {}, oldInputs: {} });
  await handlers.create({ ...ref, properties: {}, preview: false });
  await handlers.read({ ...ref, id: "id-1", properties: {}, inputs: {} });
  await handlers.update({ ...ref, id: "id-1", olds: {}, news: {}, oldInputs: {}, preview: false });
  await handlers.delete({ ...ref, id: "id-1", properties: {} });
  expect(calls).toEqual(["check", "diff", "create", "read", "update", "delete"]);
});

test("an unknown type or function is refused, naming what the provider has", async () => {
  const { handlers } = provider();
  await expect(handlers.create({ urn: URN, type: "taurusdb:index:Other", properties: {}, preview: false })).rejects.toThrow(
    'The taurusdb provider has no resource type "taurusdb:index:Other" (it has taurusdb:index:Thing).',
  );
  await expect(handlers.invoke({ token: "taurusdb:index:other", args: {}, preview: false })).rejects.toThrow(
    'The taurusdb provider has no function "taurusdb:index:other" (it has taurusdb:index:getInstanceBackups).',
  );
  expect((await handlers.invoke({ token: "taurusdb:index:getInstanceBackups", args: { instanceId: "i" }, preview: false })).result).toEqual(
    {
      totalCount: 0,
    },
  );
});

test("after Cancel every call is refused as cancelled, and nothing reaches the resource", async () => {
  const { calls, handlers } = provider();
  await handlers.cancel();
  await expect(handlers.create({ urn: URN, type: "taurusdb:index:Thing", properties: {}, preview: false })).rejects.toBeInstanceOf(
    OperationCancelledError,
  );
  await expect(handlers.invoke({ token: "taurusdb:index:getInstanceBackups", args: {}, preview: false })).rejects.toBeInstanceOf(
    OperationCancelledError,
  );
  expect(calls).toEqual([]);
});

test("configuration: Configure hands the package a reader; DiffConfig prefers the old inputs over the old outputs", async () => {
  const { pkg, handlers } = provider();
  let read: ((key: string) => string | undefined) | undefined;
  pkg.configure = (reader) => void (read = reader);
  await createProvider(pkg).configure({ args: { region: "cn-north-4", accessKey: new Secret("AK") }, variables: {} });
  expect([read!("region"), read!("accessKey")]).toEqual(["cn-north-4", "AK"]);
  expect((await handlers.diffConfig({ urn: URN, oldInputs: { region: "a" }, olds: { region: "b" }, news: { region: "a" } })).changes).toBe(
    false,
  );
  expect((await handlers.diffConfig({ urn: URN, oldInputs: {}, olds: { region: "b" }, news: { region: "a" } })).diffs).toEqual(["region"]);
});

test("a URN's type is its third part, the last of its parent types", () => {
  expect(typeOfUrn(URN)).toBe("taurusdb:index:Thing");
  expect(typeOfUrn("urn:pulumi:dev::proj::my:index:Component$taurusdb:index:Thing::child")).toBe("taurusdb:index:Thing");
  expect(typeOfUrn("not-a-urn")).toBe("");
});
