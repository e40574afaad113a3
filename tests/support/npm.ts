/**
 * npm as a user runs it, from tests. Asynchronous, so an emulator serving in the test's process keeps
 * answering meanwhile. Installs prefer npm's own cache: a second run reads the packages from disk.
 * Given a Node.js bin directory, npm runs under that Node.js (first on PATH), as it would on a
 * machine that has only that one.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

export async function npm(args: readonly string[], cwd: string, nodeBin?: string): Promise<string> {
  const env = nodeBin ? { ...process.env, PATH: `${nodeBin}${path.delimiter}${process.env.PATH ?? ""}` } : process.env;
  try {
    const { stdout } = await execFileAsync("npm", [...args], { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const failed = error as Error & { stderr?: string; stdout?: string };
    throw new Error(`npm ${args.join(" ")} failed in ${cwd}:\n${failed.stderr || failed.stdout || failed.message}`);
  }
}

/** `npm install` without the audit, funding and update chatter; from the cache when it has the packages. */
export function npmInstall(cwd: string, extra: readonly string[] = [], nodeBin?: string): Promise<string> {
  return npm(
    ["install", "--no-audit", "--no-fund", "--no-update-notifier", "--prefer-offline", "--loglevel=error", ...extra],
    cwd,
    nodeBin,
  );
}
