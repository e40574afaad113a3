/**
 * examples/restore-latest-backup/index.ts with Pulumi's mocks: the random provider's plugin cannot
 * be downloaded here, so the program runs without the engine and what is checked is the wiring of
 * the password: generated within TaurusDB's rule, new per restoreGeneration, secret, and handed to
 * the restore. The restore path itself runs through the real engine against the emulator in
 * tests/e2e/restoreLatestBackupExample.test.ts.
 */
import * as pulumi from "@pulumi/pulumi";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_SPECIAL_CHARACTERS } from "../../../provider/api/instanceRules";

const SOURCE = "a".repeat(32) + "in07";
const TARGET = "b".repeat(32) + "in07";
const BACKUP_ID = "c".repeat(32) + "br01";
const GENERATED = "Xy7~generated-Password1";
/** How Pulumi's mocks show a secret input. */
const SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";

const registered: Array<{ type: string; name: string; inputs: Record<string, any> }> = [];

beforeAll(() => {
  pulumi.runtime.setAllConfig(
    {
      "restore-latest-backup:sourceInstanceId": SOURCE,
      "restore-latest-backup:targetInstanceId": TARGET,
      "taurusdb:region": "cn-north-4",
      "taurusdb:accessKey": "AK-FROM-CONFIG",
      "taurusdb:secretKey": "SK-FROM-CONFIG",
    },
    ["taurusdb:accessKey", "taurusdb:secretKey"],
  );
  pulumi.runtime.setMocks(
    {
      newResource(args) {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        const outputs: Record<string, Record<string, unknown>> = {
          "pulumi-nodejs:dynamic/taurusdb:LatestCompletedBackup": {
            backupId: BACKUP_ID,
            backup: { id: BACKUP_ID, status: "COMPLETED", createdAt: "2026-11-28T18:00:00Z" },
          },
          "random:index/randomPassword:RandomPassword": { result: GENERATED },
          "pulumi-nodejs:dynamic/taurusdb:InstanceRestore": {
            jobId: "job-42",
            jobStatus: "Completed",
            completedAt: "2026-11-29T08:30:00Z",
          },
        };
        return { id: `${args.name}-id`, state: { ...args.inputs, ...outputs[args.type] } };
      },
      call: (args) => args.inputs,
    },
    "restore-latest-backup",
    "dev",
  );
});

async function value<T>(output: pulumi.Output<T>): Promise<T> {
  return (output as unknown as { promise(): Promise<T> }).promise();
}

async function isSecret(output: pulumi.Output<unknown>): Promise<boolean> {
  return (output as unknown as { isSecret: Promise<boolean> }).isSecret;
}

test("a generated password within TaurusDB's rule, new per restoreGeneration, reaches the restore of the pinned backup as a secret", async () => {
  const stack = await import("../../../examples/restore-latest-backup/index");
  expect(await value(stack.restoredBackupId)).toBe(BACKUP_ID);
  expect(await value(stack.restoredBackupCreatedAt)).toBe("2026-11-28T18:00:00Z");
  expect(await value(stack.restoreJobId)).toBe("job-42");
  expect(await isSecret(stack.stagingAdminPassword)).toBe(true);

  const password = registered.find((r) => r.type === "random:index/randomPassword:RandomPassword")!;
  expect(password.inputs).toMatchObject({ keepers: { restoreGeneration: "1" } });
  expect(password.inputs.length).toBeGreaterThanOrEqual(PASSWORD_MIN_LENGTH);
  expect(password.inputs.length).toBeLessThanOrEqual(PASSWORD_MAX_LENGTH);
  for (const c of password.inputs.overrideSpecial as string) expect(PASSWORD_SPECIAL_CHARACTERS).toContain(c);
  const kinds = ["minUpper", "minLower", "minNumeric", "minSpecial"].filter((k) => password.inputs[k] > 0);
  expect(kinds.length).toBeGreaterThanOrEqual(3);

  const pinned = registered.find((r) => r.type.endsWith("LatestCompletedBackup"))!;
  expect(pinned.inputs).toMatchObject({ instanceId: SOURCE, backupTypes: ["Db"], keepers: { restoreGeneration: "1" } });

  const restore = registered.find((r) => r.type.endsWith("InstanceRestore"))!;
  expect(restore.inputs).toMatchObject({
    sourceInstanceId: SOURCE,
    targetInstanceId: TARGET,
    backupId: BACKUP_ID,
    keepers: { restoreGeneration: "1" },
  });
  expect(restore.inputs.adminPassword).toEqual({ [SECRET_SIGNATURE]: "1b47061264138c4ac30d75fd1eb44270", value: GENERATED });
  // One credential set, from stack config: nothing of it is an input of any resource.
  for (const r of registered) for (const key of ["accessKey", "secretKey", "authToken"]) expect(r.inputs).not.toHaveProperty(key);
});
