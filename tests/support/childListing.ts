/** Runs tests/system/fixtures/listOnce.js in a child Node.js process against a server, and reports how it ended. */
import { spawn } from "node:child_process";
import * as path from "node:path";

export interface ChildOutcome {
  readonly event: "resolved" | "rejected";
  /** Epoch ms when the listing settled, in the child. */
  readonly at: number;
  readonly name?: string;
  readonly message?: string;
  readonly backups?: number;
  readonly peakGrowthMb: number;
  /** Epoch ms when the child process exited. */
  readonly exitedAt: number;
  readonly exitCode: number | null;
  readonly stderr: string;
}

const SCRIPT = path.join(__dirname, "..", "system", "fixtures", "listOnce.js");

export function listInChild(
  target: { url: string; projectId: string; instanceId: string; accessKey: string; secretKey: string },
  extra: Record<string, unknown> = {},
): Promise<ChildOutcome> {
  const child = spawn(
    process.execPath,
    ["--expose-gc", SCRIPT, target.url, target.projectId, target.instanceId, target.accessKey, target.secretKey, JSON.stringify(extra)],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (exitCode) => {
      const line = stdout.trim().split("\n").pop() ?? "";
      try {
        resolve({ ...JSON.parse(line), exitedAt: Date.now(), exitCode, stderr });
      } catch {
        reject(new Error(`the child printed no outcome (exit ${exitCode}): ${stdout}\n${stderr}`));
      }
    });
  });
}
