/**
 * The data function pair inside a Pulumi program run with Pulumi's mocks (how users unit-test
 * their programs): both forms are answered by the mocks' `call` with the function's token and the
 * arguments without credentials, and send no request of their own. The Output form keeps Pulumi's
 * invoke semantics: secrets stay secret, unknown inputs and unready dependencies give an unknown
 * result without calling anything, and `dependsOn` is waited for.
 */
import * as pulumi from "@pulumi/pulumi";
import { GET_INSTANCE_BACKUPS_TOKEN, getInstanceBackups, getInstanceBackupsOutput, type GetInstanceBackupsResult } from "../../../provider";
import { argsFor, withEmulator } from "../../support/emulator";

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

const CANNED: GetInstanceBackupsResult = {
  instanceId: "canned",
  projectId: "p".repeat(32),
  totalCount: 1,
  backups: [],
  latestCompletedBackupId: "from-the-mock",
};
const calls: pulumi.runtime.MockCallArgs[] = [];

function useMocks(preview: boolean): void {
  calls.length = 0;
  pulumi.runtime.setMocks(
    {
      // During a preview, a new resource has no id yet.
      newResource: (args) => ({ id: preview ? undefined : `${args.name}-id`, state: args.inputs }),
      call: (args) => {
        calls.push(args);
        return { ...CANNED, instanceId: args.inputs.instanceId };
      },
    },
    "project",
    "stack",
    preview,
  );
}

describe("under Pulumi's mocks", () => {
  test("getInstanceBackups is answered by the mocks' call with the token and no credential, and sends no request", async () => {
    useMocks(false);
    await withEmulator({ backups: 5 }, async (emulator) => {
      const result = await getInstanceBackups(argsFor(emulator, { pageSize: 50 }));
      expect(result).toEqual({ ...CANNED, instanceId: emulator.instanceId });
      expect(calls).toHaveLength(1);
      expect(calls[0].token).toBe(GET_INSTANCE_BACKUPS_TOKEN);
      expect(calls[0].inputs).toEqual({
        instanceId: emulator.instanceId,
        projectId: emulator.projectId,
        endpoint: emulator.url,
        pageSize: 50,
      });
      expect(emulator.control.stats().requests).toBe(0);
    });
  });

  test("getInstanceBackupsOutput resolves to the mocked result, and is secret when an input is secret", async () => {
    useMocks(false);
    await withEmulator({ backups: 5 }, async (emulator) => {
      const args = argsFor(emulator);
      const plain = await inspect(getInstanceBackupsOutput({ ...args, instanceId: pulumi.output(emulator.instanceId) }));
      expect(plain).toMatchObject({ known: true, secret: false, value: { latestCompletedBackupId: "from-the-mock" } });

      const secret = await inspect(getInstanceBackupsOutput({ ...args, secretKey: pulumi.secret(args.secretKey!) }));
      expect(secret).toMatchObject({ known: true, secret: true, value: { latestCompletedBackupId: "from-the-mock" } });
      expect(calls.every((call) => !("secretKey" in call.inputs) && !("accessKey" in call.inputs))).toBe(true);
      expect(emulator.control.stats().requests).toBe(0);
    });
  });

  test("is unknown during preview when an input is unknown, and calls nothing", async () => {
    useMocks(true);
    const unknownEndpoint = pulumi.output(pulumi.unknown) as pulumi.Output<string>;
    const result = await inspect(getInstanceBackupsOutput({ instanceId: "a".repeat(32) + "in07", endpoint: unknownEndpoint }));
    expect(result.known).toBe(false);
    expect(calls).toHaveLength(0);
  });

  test("is unknown during preview while a dependsOn resource is being created, and calls nothing", async () => {
    useMocks(true);
    const database = new Database("db");
    const result = await inspect(getInstanceBackupsOutput({ instanceId: "a".repeat(32) + "in07" }, { dependsOn: [database] }));
    expect(result.known).toBe(false);
    expect(calls).toHaveLength(0);
  });

  test("waits for dependsOn resources, then calls, and carries them as dependencies", async () => {
    useMocks(false);
    const database = new Database("db2");
    const output = getInstanceBackupsOutput({ instanceId: "a".repeat(32) + "in07" }, { dependsOn: database });
    const result = await inspect(output);
    expect(result.value?.latestCompletedBackupId).toBe("from-the-mock");
    const resources = await (output as unknown as { allResources(): Promise<Set<pulumi.Resource>> }).allResources();
    expect([...resources]).toContain(database);
  });
});
