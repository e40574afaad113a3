/** The plugin's `getInstanceBackups` invoke (provider/plugin/getInstanceBackupsFunction.ts) over a listing the test writes. */
import { InvalidArgumentsError } from "../../../provider/errors";
import { GetInstanceBackupsFunction } from "../../../provider/plugin/getInstanceBackupsFunction";
import { Secret, UNKNOWN, type PropertyMap } from "../../../provider/plugin/wire";
import { pluginPackage } from "../../support/pluginPackage";

const listed = { instanceId: "i", projectId: "p", totalCount: 1, backups: [{ id: "b" }], latestCompletedBackupId: "b" };

function invokeWith(args: PropertyMap, listBackups = async (_args: Record<string, unknown>) => listed) {
  const calls: Record<string, unknown>[] = [];
  const fn = new GetInstanceBackupsFunction(
    pluginPackage({
      listBackups: (plain) => (calls.push(plain), listBackups(plain)),
      argumentIssues: (error) =>
        error instanceof InvalidArgumentsError ? error.issues.map((i) => ({ key: i.argument, problem: i.problem })) : undefined,
    }),
  );
  return { calls, result: fn.invoke(args) };
}

test("a value not known yet lists nothing and answers an empty result", async () => {
  const { calls, result } = invokeWith({ instanceId: UNKNOWN });
  expect(await result).toEqual({ result: {}, failures: [] });
  expect(calls).toEqual([]);
});

test("lists with the plain values, nulls left out, and answers the listing", async () => {
  const { calls, result } = invokeWith({ instanceId: "i", accessKey: new Secret("AK"), pageSize: null });
  expect(await result).toEqual({ result: listed, failures: [] });
  expect(calls).toEqual([{ instanceId: "i", accessKey: "AK" }]);
});

test("a secret choice, even nested in a list, makes the whole result secret; a secret credential does not", async () => {
  const nested = await invokeWith({ instanceId: "i", statuses: ["COMPLETED", new Secret("FAILED")] }).result;
  for (const value of Object.values(nested.result)) expect(value).toBeInstanceOf(Secret);
  const credential = await invokeWith({ instanceId: "i", secretKey: new Secret("SK") }).result;
  expect(credential.result).toEqual(listed);
});

test("invalid arguments become check failures, any other error fails the invoke", async () => {
  const invalid = invokeWith({ instanceId: "x" }, async () => {
    throw new InvalidArgumentsError([{ argument: "instanceId", problem: "must be 36 letters or digits" }], "getInstanceBackups");
  });
  expect(await invalid.result).toEqual({ result: {}, failures: [{ property: "instanceId", reason: "must be 36 letters or digits" }] });
  const down = new Error("API down");
  await expect(invokeWith({ instanceId: "i" }, async () => Promise.reject(down)).result).rejects.toBe(down);
});
