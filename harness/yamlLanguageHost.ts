/**
 * Pulumi's YAML language host (`pulumi-language-yaml`), provided the way ./engine.ts provides the
 * engine: the engine runs a `runtime: yaml` program through it, and Pulumi's Node.js SDK does not
 * contain it. In order:
 *   1. `pulumi-language-yaml` on PATH;
 *   2. a copy cached beside the engine, keyed by version;
 *   3. a build of its published Go module (`github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml`)
 *      from the Go module proxy with `go install`, into a staging directory moved into the cache.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { buildIntoCache, cacheDir } from "./cache";
import { goEnv } from "./goEnv";
import { runLongStep } from "./longStep";

export interface LanguageHost {
  /** Directory holding `pulumi-language-yaml`; put it on the engine's PATH. */
  readonly binDir: string;
  /** Unknown for a host found on PATH: the binary does not report its version. */
  readonly version: string | undefined;
  readonly source: "PATH" | "cache" | "go build";
}

const EXECUTABLE = "pulumi-language-yaml";
const MODULE = "github.com/pulumi/pulumi-yaml";

/** The YAML host version to use: `$TAURUSDB_YAML_VERSION`, else the one this repository is tested with. */
export function wantedYamlVersion(): string {
  return (process.env.TAURUSDB_YAML_VERSION ?? "1.25.0").replace(/^v/, "");
}

/** The host on PATH or in the cache, if there is one. */
export function findYamlLanguageHost(): LanguageHost | undefined {
  const onPath = spawnSync("sh", ["-c", `command -v ${EXECUTABLE}`], { encoding: "utf8" });
  const found = onPath.status === 0 ? onPath.stdout.trim() : "";
  if (found && runs(found)) return { binDir: path.dirname(fs.realpathSync(found)), version: undefined, source: "PATH" };
  const { binDir, executable, version } = cachedPlace();
  return runs(executable) ? { binDir, version, source: "cache" } : undefined;
}

/** The host, once the set-up has provided it (the tests' global set-up, `npm run engine`). */
export function ensureYamlLanguageHost(): LanguageHost {
  const host = findYamlLanguageHost();
  if (host) return host;
  throw new Error(
    `The Pulumi YAML language host v${wantedYamlVersion()} is not set up (not on PATH, not in ${cacheDir()}): run \`npm run engine\` first.`,
  );
}

/** The host, built from its Go module first when it is not available (about a minute, once). */
export async function provideYamlLanguageHost(log: (line: string) => void): Promise<LanguageHost> {
  const found = findYamlLanguageHost();
  if (found) return found;
  const { root, binDir, executable, version } = cachedPlace();
  await buildIntoCache(root, `yaml-v${version}`, (staging) => buildWithGo(version, path.join(staging, "bin"), log));
  if (!runs(executable)) throw new Error(`the YAML language host at ${executable} does not run`);
  log(`Pulumi YAML language host v${version} cached at ${root} (go build).`);
  return { binDir, version, source: "go build" };
}

function cachedPlace() {
  const version = wantedYamlVersion();
  const root = path.join(cacheDir(), `${EXECUTABLE}-v${version}`);
  const binDir = path.join(root, "bin");
  return { version, root, binDir, executable: path.join(binDir, EXECUTABLE) };
}

/** The host has no version flag; `-h` prints its usage and exits 0 when the binary runs at all. */
function runs(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  return spawnSync(file, ["-h"], { encoding: "utf8", timeout: 60_000 }).status === 0;
}

async function buildWithGo(version: string, binDir: string, log: (line: string) => void): Promise<void> {
  if (spawnSync("go", ["version"]).status !== 0) {
    throw new Error(
      `The Pulumi YAML language host v${version} is not available: no \`${EXECUTABLE}\` on PATH, none cached in ` +
        `${cacheDir()}, and Go is not installed to build it. Install it with Pulumi ` +
        "(https://www.pulumi.com/docs/install/) or install Go, then run `npm run engine`.",
    );
  }
  log(`  building the YAML language host from the Go module ${MODULE}@v${version} (about a minute, once)...`);
  fs.mkdirSync(binDir, { recursive: true });
  await runLongStep(
    {
      label: "building the YAML language host",
      command: "go",
      args: [
        "install",
        "-trimpath",
        "-ldflags",
        `-s -w -X ${MODULE}/pkg/version.Version=v${version}`,
        `${MODULE}/cmd/${EXECUTABLE}@v${version}`,
      ],
      env: { ...goEnv(), GOBIN: binDir },
      timeoutMs: 1_800_000,
    },
    log,
  );
}
