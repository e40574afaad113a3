/** The dynamic-provider host's view of a provider (provider/dynamic/forDynamicHost.ts), in memory. */
import type * as pulumi from "@pulumi/pulumi";
import { forDynamicHost } from "../../../provider/dynamic/forDynamicHost";
import { DYNAMIC_PROVIDER_KEY, PartialStateError } from "../../../provider/dynamic/partialState";

const partial = () => new PartialStateError(new Error("job still running"), "job-1", { jobId: "job-1", jobStatus: "Running" });

function adapted(logic: pulumi.dynamic.ResourceProvider, configured: Array<string | undefined> = []) {
  return forDynamicHost(logic, (read) => configured.push(read("taurusdb:region")));
}

test("a partial state from create or update keeps the serialized provider of the inputs it was given", async () => {
  const host = adapted({
    create: async () => Promise.reject(partial()),
    update: async () => Promise.reject(partial()),
  });
  const created = await host.create!({ [DYNAMIC_PROVIDER_KEY]: "serialized-text", backupId: "b" }).catch((e: unknown) => e);
  expect(created).toBeInstanceOf(PartialStateError);
  expect((created as PartialStateError).properties).toEqual({
    jobId: "job-1",
    jobStatus: "Running",
    [DYNAMIC_PROVIDER_KEY]: "serialized-text",
  });
  expect((created as PartialStateError).id).toBe("job-1");
  expect((created as PartialStateError).message).toBe("job still running");

  const updated = await host.update!("job-1", { [DYNAMIC_PROVIDER_KEY]: "old" }, { [DYNAMIC_PROVIDER_KEY]: "new" }).catch(
    (e: unknown) => e,
  );
  expect((updated as PartialStateError).properties[DYNAMIC_PROVIDER_KEY]).toBe("new");
});

test("any other error passes through unchanged, and results are the logic's own", async () => {
  const failure = new Error("refused");
  const host = adapted({ create: async () => Promise.reject(failure), update: async () => ({ outs: { a: 1 } }) });
  await expect(host.create!({})).rejects.toBe(failure);
  expect(await host.update!("id", {}, {})).toEqual({ outs: { a: 1 } });
});

test("configure hands the engine's stack config to the host; methods the logic lacks stay absent", async () => {
  const configured: Array<string | undefined> = [];
  const logic = { create: async () => ({ id: "x" }), read: async (id: string) => ({ id, props: {} }) };
  const host = adapted(logic, configured);
  await host.configure!({ config: new Map([["taurusdb:region", "cn-north-4"]]) } as unknown as pulumi.dynamic.ConfigureRequest);
  expect(configured).toEqual(["cn-north-4"]);
  expect(Object.keys(host).sort()).toEqual(["configure", "create", "read"]);
});
