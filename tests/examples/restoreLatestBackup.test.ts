/**
 * examples/restore-latest-backup with Pulumi's mocks: the random and command providers cannot be
 * downloaded here, so their resources are mocked; what is checked is the wiring. Its restore.sh
 * runs for real, with curl, against a loopback server playing the three TaurusDB calls it makes.
 */
import * as pulumi from "@pulumi/pulumi";
import { execFile } from "node:child_process";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { promisify } from "node:util";

const EXAMPLE = path.join(__dirname, "../../examples/restore-latest-backup");
const SOURCE = "a".repeat(32) + "in07";
const TARGET = "b".repeat(32) + "in07";
const BACKUP_ID = "c".repeat(32) + "br01";

const registered: Array<{ type: string; name: string; inputs: Record<string, any> }> = [];

beforeAll(() => {
  pulumi.runtime.setAllConfig(
    {
      "restore-latest-backup:sourceInstanceId": SOURCE,
      "restore-latest-backup:targetInstanceId": TARGET,
      "taurusdb:endpoint": "https://gaussdb.cn-north-4.myhuaweicloud.com",
      "taurusdb:projectId": "d".repeat(32),
      "taurusdb:authToken": "token-from-config",
    },
    ["taurusdb:authToken"],
  );
  pulumi.runtime.setMocks(
    {
      newResource(args) {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        const outputs: Record<string, Record<string, unknown>> = {
          "pulumi-nodejs:dynamic/taurusdb:LatestCompletedBackup": {
            backupId: BACKUP_ID,
            backup: { id: BACKUP_ID, status: "COMPLETED", createdAt: "2026-11-28T18:00:00Z" },
            resolvedAt: "2026-11-29T08:00:00Z",
          },
          "random:index/randomPassword:RandomPassword": { result: "Xy7~generated-Password1" },
          "command:local:Command": { stdout: "job-42" },
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

test("the pinned backup feeds the restore, and staging gets its own secret admin password", async () => {
  const stack = await import("../../examples/restore-latest-backup/index");
  expect(await value(stack.restoredBackupId)).toBe(BACKUP_ID);
  expect(await value(stack.restoredBackupCreatedAt)).toBe("2026-11-28T18:00:00Z");
  expect(await value(stack.restoreJob)).toBe("job-42");
  expect(await isSecret(stack.stagingAdminPassword)).toBe(true);

  const pinned = registered.find((r) => r.type.endsWith("LatestCompletedBackup"))!;
  expect(pinned.inputs).toMatchObject({ instanceId: SOURCE, backupTypes: ["Db"], keepers: { restoreGeneration: "1" } });

  const password = registered.find((r) => r.type === "random:index/randomPassword:RandomPassword")!;
  expect(password.inputs).toMatchObject({ length: 24, keepers: { backupId: BACKUP_ID } });

  const restore = registered.find((r) => r.type === "command:local:Command")!;
  expect(restore.inputs.triggers).toEqual([BACKUP_ID]);
  // It holds the token and the password, so Pulumi keeps the whole environment secret (encrypted in state).
  const SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";
  expect(restore.inputs.environment[SECRET_SIGNATURE]).toBe("1b47061264138c4ac30d75fd1eb44270");
  expect(restore.inputs.environment.value).toMatchObject({
    SOURCE_INSTANCE_ID: SOURCE,
    TARGET_INSTANCE_ID: TARGET,
    BACKUP_ID,
    NEW_ADMIN_PASSWORD: "Xy7~generated-Password1",
    TAURUSDB_AUTH_TOKEN: "token-from-config",
  });
  expect(restore.inputs.create).toBe("sh ./restore.sh");
});

test("restore.sh restores, waits for the job, resets the password, and prints no secret", async () => {
  const seen: Array<{ method: string; url: string; token?: string; body: string }> = [];
  let polls = 0;
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, token: req.headers["x-auth-token"] as string, body });
      res.setHeader("Content-Type", "application/json");
      if (req.url!.endsWith("/instances/restore")) res.end('{"job_id":"job-7"}');
      else if (req.url!.includes("/jobs?id=job-7")) res.end(JSON.stringify({ job: { id: "job-7", status: ++polls < 2 ? "Running" : "Completed" } }));
      else if (req.url!.endsWith(`/instances/${TARGET}/password`)) res.end("{}");
      else res.writeHead(404).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  try {
    const { stdout, stderr } = await promisify(execFile)("sh", ["./restore.sh"], {
      cwd: EXAMPLE,
      timeout: 60_000,
      env: {
        PATH: process.env.PATH,
        TAURUSDB_ENDPOINT: `http://127.0.0.1:${port}/`,
        TAURUSDB_PROJECT_ID: "p".repeat(32),
        TAURUSDB_AUTH_TOKEN: "secret-token",
        SOURCE_INSTANCE_ID: SOURCE,
        TARGET_INSTANCE_ID: TARGET,
        BACKUP_ID,
        NEW_ADMIN_PASSWORD: "Xy7~generated-Password1",
        RESTORE_POLL_SECONDS: "0",
      },
    });
    expect(stdout.trim()).toBe("job-7");
    expect(`${stdout}${stderr}`).not.toMatch(/secret-token|Xy7~generated/);
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      `POST /v3/${"p".repeat(32)}/instances/restore`,
      `GET /v3/${"p".repeat(32)}/jobs?id=job-7`,
      `GET /v3/${"p".repeat(32)}/jobs?id=job-7`,
      `POST /v3/${"p".repeat(32)}/instances/${TARGET}/password`,
    ]);
    expect(seen.every((r) => r.token === "secret-token")).toBe(true);
    expect(JSON.parse(seen[0].body)).toEqual({ source_instance_id: SOURCE, target_instance_id: TARGET, type: "backup", backup_id: BACKUP_ID });
    expect(JSON.parse(seen[3].body)).toEqual({ password: "Xy7~generated-Password1" });
  } finally {
    server.close();
  }
}, 60_000);
