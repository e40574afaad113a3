/**
 * examples/backup-inventory with Pulumi's mocks for the engine. The mocks answer the data
 * function's invoke as a user's unit test would, here with a real listing of the emulator, so the
 * inventory numbers come from real HTTP; the invoke itself must carry no credential.
 */
import * as pulumi from "@pulumi/pulumi";
import { GET_INSTANCE_BACKUPS_TOKEN } from "../../../provider";
import { startEmulator, type RunningEmulator } from "../../../provider/emulator";
import { listInstanceBackups } from "../../../provider/listing";

let emulator: RunningEmulator;
let second: string;
const registered: Array<{ type: string; name: string; id?: string; inputs: Record<string, any> }> = [];
const warnings: string[] = [];
const invoked: Array<{ token: string; inputs: Record<string, unknown> }> = [];

beforeAll(async () => {
  emulator = await startEmulator({ backups: 180, seed: 3 });
  second = emulator.control.addInstance({ backups: 0 });
  pulumi.runtime.setAllConfig(
    {
      "backup-inventory:instanceIds": JSON.stringify([emulator.instanceId, second]),
      "taurusdb:endpoint": emulator.url,
      "taurusdb:projectId": emulator.projectId,
      "taurusdb:accessKey": emulator.credentials.accessKey,
      "taurusdb:secretKey": emulator.credentials.secretKey,
    },
    ["taurusdb:accessKey", "taurusdb:secretKey"],
  );
  pulumi.runtime.setMocks(
    {
      newResource(args) {
        registered.push({ type: args.type, name: args.name, id: args.id, inputs: args.inputs });
        return { id: args.id ?? `${args.name}-id`, state: { ...args.inputs, latestCompletedBackupId: "from-the-provider" } };
      },
      async call(args) {
        invoked.push({ token: args.token, inputs: args.inputs });
        const { url, projectId, credentials } = emulator;
        const connection = { endpoint: url, projectId, accessKey: credentials.accessKey, secretKey: credentials.secretKey };
        return listInstanceBackups({ ...args.inputs, ...connection }, { sources: { stackConfig: () => undefined, env: {} } });
      },
    },
    "backup-inventory",
    "dev",
  );
  jest.spyOn(pulumi.log, "warn").mockImplementation(async (...args: unknown[]) => {
    warnings.push(String(args[0]));
  });
  jest.spyOn(pulumi.log, "info").mockImplementation(async () => undefined); // page progress, checked elsewhere
});

afterAll(() => emulator.close());

test("inventories every instance from the real listing", async () => {
  const stack = await import("../../../examples/backup-inventory/index");
  const inventory = await (stack.inventory as unknown as { promise(): Promise<Record<string, any>> }).promise();

  const backups = emulator.control.backups();
  const first = inventory[emulator.instanceId];
  expect(first.total).toBe(180);
  expect(Object.values(first.byStatus as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(180);
  expect(first.byStatus.COMPLETED).toBe(backups.filter((b) => b.status === "COMPLETED").length);
  expect(first.newestCompletedId).toBe(backups.find((b) => b.status === "COMPLETED")!.id);
  expect(typeof first.newestCompletedAgeHours).toBe("number");

  expect(inventory[second]).toMatchObject({ total: 0, newestCompletedId: null });
  expect(warnings.some((w) => w.includes(second) && w.includes("has no COMPLETED backup"))).toBe(true);

  // The tracked copies are read resources (registered with the instance id), kept small.
  const tracked = registered.filter((r) => r.type === "pulumi-nodejs:dynamic/taurusdb:InstanceBackups");
  expect(tracked.map((r) => r.inputs.instanceId)).toEqual([emulator.instanceId, second]);
  expect(tracked.every((r) => r.inputs.summaryOnly === true)).toBe(true);
  expect(emulator.control.stats().authFailures).toBe(0);
  expect(invoked.map((i) => i.token)).toEqual([GET_INSTANCE_BACKUPS_TOKEN, GET_INSTANCE_BACKUPS_TOKEN]);
  expect(invoked.map((i) => i.inputs)).toEqual([{ instanceId: emulator.instanceId }, { instanceId: second }]);
});
