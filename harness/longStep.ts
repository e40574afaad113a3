/**
 * A set-up command that may take minutes (a Go build, a pip install), run so that a person watching
 * sees it move: a line when it starts, a line every half minute with the time so far and the Go
 * modules downloaded, and on failure the last lines it printed. Its own output is not shown as it
 * comes: a Go build of Pulumi prints thousands of lines.
 */
import { spawn } from "node:child_process";

export interface LongStep {
  /** What it does, for the progress lines: "building the engine". */
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
}

export const HEARTBEAT_MS = 30_000;
const KEPT_LINES = 20;

export function runLongStep(step: LongStep, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  let downloads = 0;
  const tail: string[] = [];
  const child = spawn(step.command, [...step.args], { cwd: step.cwd, env: step.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
  const take = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      if (line.startsWith("go: downloading ")) downloads++;
      tail.push(line);
      if (tail.length > KEPT_LINES) tail.shift();
    }
  };
  child.stdout.on("data", take);
  child.stderr.on("data", take);
  const so = () => `${Math.round((Date.now() - started) / 1000)} s${downloads ? `, ${downloads} Go modules downloaded` : ""}`;
  const heartbeat = setInterval(() => log(`  ... still ${step.label} (${so()})`), HEARTBEAT_MS);
  const timeout = setTimeout(() => child.kill("SIGKILL"), step.timeoutMs ?? 3_600_000);
  return new Promise<void>((resolve, reject) => {
    child.on("error", (error) => {
      clearInterval(heartbeat);
      clearTimeout(timeout);
      reject(new Error(`${step.label}: cannot run \`${step.command}\`: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearInterval(heartbeat);
      clearTimeout(timeout);
      if (code === 0) {
        log(`  done ${step.label} (${so()})`);
        resolve();
        return;
      }
      const how = signal ? `was stopped by ${signal}` : `exited with ${code}`;
      reject(new Error(`${step.label}: \`${step.command} ${step.args.join(" ")}\` ${how}; its last lines:\n${tail.join("\n")}`));
    });
  });
}
