/**
 * getInstanceBackupsOutput inside a Pulumi program, run with Pulumi's mocks (a unit-test engine):
 * secrets stay secret, unknown inputs and unready dependencies give an unknown result without
 * calling the API, and dependsOn is waited for. The API itself is the emulator, over real HTTP.
 */
import * as pulumi from "@pulumi/pulumi";
import { getInstanceBackupsOutput } from "../provider";
import { argsFor, withEmulator } from "./support/emulator";

/** What an Output holds: its value, and whether it is known and secret (Pulumi's own promises). */
async function inspect<T>(output: pulumi.Output<T>): Promise<{ known: boolean; secret: boolean; value?: T }> {
  const impl = output as unknown as { isKnown: Promise<boolean>; isSecret: Promise<boolean>; promise(): Promise<T> };
  const [known, secret, value] = await Promise.all([impl.isKnown, impl.isSecret, impl.promise()]);
  return known ? { known, secret, value } : { known, secret };
}

class Database extends pulumi.CustomResource {
  constructor(name: string, opts?: pulumi.CustomResourceOptions) {
    super("test:index:Database", name, {}, opts);
  }
}

function useMocks(preview: boolean): void {
  pulumi.runtime.setMocks(
    {
      // During a preview, a new resource has no id yet.
      newResource: (args) => ({ id: preview ? undefined : `${args.name}-id`, state: args.inputs }),
      call: (args) => args.inputs,
    },
    "project",
    "stack",
    preview,
  );
}

const logged: string[] = [];
beforeAll(() => {
  jest.spyOn(pulumi.log, "info").mockImplementation(async (...args: unknown[]) => {
    logged.push(String(args[0]));
  });
});

describe("getInstanceBackupsOutput", () => {
  test("resolves to the listing for known inputs, reporting each page through Pulumi's log", async () => {
    useMocks(false);
    await withEmulator({ backups: 130 }, async (emulator) => {
      const result = await inspect(getInstanceBackupsOutput({ ...argsFor(emulator), instanceId: pulumi.output(emulator.instanceId) }));
      expect(result.known).toBe(true);
      expect(result.secret).toBe(false);
      expect(result.value?.totalCount).toBe(130);
      expect(result.value?.latestCompletedBackupId).toBe(emulator.control.backups().find((b) => b.status === "COMPLETED")?.id);
      expect(logged).toContain(`${emulator.instanceId}: fetched page 1/2 (100 of 130 backups)`);
      expect(logged).toContain(`${emulator.instanceId}: fetched page 2/2 (130 of 130 backups)`);
    });
  });

  test("is secret when an input is secret", async () => {
    useMocks(false);
    await withEmulator({ backups: 5 }, async (emulator) => {
      const args = argsFor(emulator);
      const result = await inspect(getInstanceBackupsOutput({ ...args, secretKey: pulumi.secret(args.secretKey!) }));
      expect(result).toMatchObject({ known: true, secret: true });
      expect(result.value?.backups).toHaveLength(5);
    });
  });

  test("is unknown during preview when an input is unknown, and calls nothing", async () => {
    useMocks(true);
    await withEmulator({ backups: 5 }, async (emulator) => {
      const unknownEndpoint = pulumi.output(pulumi.unknown) as pulumi.Output<string>;
      const result = await inspect(getInstanceBackupsOutput({ ...argsFor(emulator), endpoint: unknownEndpoint }));
      expect(result.known).toBe(false);
      expect(emulator.control.stats().requests).toBe(0);
    });
  });

  test("is unknown during preview while a dependsOn resource is being created, and calls nothing", async () => {
    useMocks(true);
    await withEmulator({ backups: 5 }, async (emulator) => {
      const database = new Database("db");
      const result = await inspect(getInstanceBackupsOutput(argsFor(emulator), { dependsOn: [database] }));
      expect(result.known).toBe(false);
      expect(emulator.control.stats().requests).toBe(0);
    });
  });

  test("waits for dependsOn resources, then lists, and carries them as dependencies", async () => {
    useMocks(false);
    await withEmulator({ backups: 5 }, async (emulator) => {
      const database = new Database("db2");
      const output = getInstanceBackupsOutput(argsFor(emulator), { dependsOn: database });
      const result = await inspect(output);
      expect(result.value?.backups).toHaveLength(5);
      const resources = await (output as unknown as { allResources(): Promise<Set<pulumi.Resource>> }).allResources();
      expect([...resources]).toContain(database);
    });
  });
});
