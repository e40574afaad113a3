/**
 * Pulumi's engine (the `pulumi` CLI), for the tests and the demo. The Node.js SDK does not contain
 * it. {@link provideEngine} finds or makes it, in order:
 *   1. `pulumi` on PATH;
 *   2. a copy cached outside the repository (./cache.ts), keyed by version;
 *   3. Pulumi's official installer (needs the internet);
 *   4. a build of Pulumi's published Go module (`github.com/pulumi/pulumi/pkg/v3/cmd/pulumi`) from
 *      the Go module proxy, through a small wrapper module (its go.mod has `replace` directives,
 *      so `go install pkg@version` refuses it).
 * The version is the one of the installed `@pulumi/pulumi` SDK, so engine and SDK match.
 * {@link ensureEngine} is the synchronous look-up for code that runs after the set-up.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { buildIntoCache, cacheDir } from "./cache";
import { goEnv } from "./goEnv";
import { runLongStep } from "./longStep";

export interface Engine {
  /** Directory holding `pulumi` and `pulumi-resource-pulumi-nodejs`. */
  readonly binDir: string;
  /** For `PulumiCommand.get({ root })`: the directory above `bin`. */
  readonly root: string;
  readonly version: string;
  readonly source: "PATH" | "cache" | "installer" | "go build";
}

/** The engine version to use: `$TAURUSDB_PULUMI_VERSION`, else the SDK's. */
export function wantedVersion(): string {
  return (process.env.TAURUSDB_PULUMI_VERSION ?? require("@pulumi/pulumi/package.json").version).replace(/^v/, "");
}

/** The engine on PATH or in the cache, if there is one. */
export function findEngine(): Engine | undefined {
  const onPath = fromPath();
  if (onPath) return onPath;
  const { root, binDir, executable, version } = cachedPlace();
  if (!works(executable)) return undefined;
  addNodejsProviderScript(binDir);
  return { binDir, root, version, source: "cache" };
}

/** The engine, once the set-up ({@link provideEngine}: the tests' global set-up, `npm run engine`) has provided it. */
export function ensureEngine(): Engine {
  const engine = findEngine();
  if (engine) return engine;
  throw new Error(`The Pulumi engine v${wantedVersion()} is not set up (not on PATH, not in ${cacheDir()}): run \`npm run engine\` first.`);
}

/** The engine, made available first when it is not: installed, or built from Pulumi's Go module (minutes, once). */
export async function provideEngine(log: (line: string) => void): Promise<Engine> {
  const found = findEngine();
  if (found) return found;
  const { root, binDir, executable, version } = cachedPlace();
  let source: Engine["source"] = "installer";
  await buildIntoCache(root, `v${version}`, async (staging) => {
    log(`Pulumi engine v${version} is not cached; trying the official installer...`);
    if (!tryInstaller(version, staging, log)) {
      source = "go build";
      await buildWithGo(version, staging, log);
    }
    addNodejsProviderScript(path.join(staging, "bin"));
  });
  if (!works(executable)) throw new Error(`the engine at ${executable} does not run`);
  log(`Pulumi engine v${version} cached at ${root} (${source}).`);
  return { binDir, root, version, source };
}

function cachedPlace() {
  const version = wantedVersion();
  const root = path.join(cacheDir(), `pulumi-v${version}`);
  const binDir = path.join(root, "bin");
  return { version, root, binDir, executable: path.join(binDir, "pulumi") };
}

function fromPath(): Engine | undefined {
  const found = spawnSync("sh", ["-c", "command -v pulumi"], { encoding: "utf8" });
  const file = found.status === 0 ? found.stdout.trim() : "";
  if (!file || !works(file)) return undefined;
  const binDir = path.dirname(fs.realpathSync(file));
  const version = execFileSync(file, ["version"], { encoding: "utf8", env: quietEnv() }).trim().replace(/^v/, "");
  return { binDir, root: path.dirname(binDir), version, source: "PATH" };
}

function works(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  return spawnSync(file, ["version"], { encoding: "utf8", env: quietEnv(), timeout: 60_000 }).status === 0;
}

function tryInstaller(version: string, staging: string, log: (line: string) => void): boolean {
  const script = spawnSync("curl", ["-fsSL", "--max-time", "20", "https://get.pulumi.com"], { encoding: "utf8" });
  if (script.status !== 0 || !script.stdout) {
    log("  the installer cannot be downloaded here (no internet access).");
    return false;
  }
  const run = spawnSync("sh", ["-s", "--", "--version", version, "--install-root", staging, "--no-edit-path"], {
    input: script.stdout,
    encoding: "utf8",
    timeout: 600_000,
  });
  const ok = run.status === 0 && works(path.join(staging, "bin", "pulumi"));
  if (!ok) log(`  the installer failed: ${(run.stderr || "").trim().split("\n").slice(-1)[0]}`);
  return ok;
}

const ENGINE_MODULE = "github.com/pulumi/pulumi/pkg/v3";

async function buildWithGo(version: string, staging: string, log: (line: string) => void): Promise<void> {
  if (spawnSync("go", ["version"]).status !== 0) {
    throw new Error(
      `The Pulumi engine v${version} is not available: no \`pulumi\` on PATH, none cached in ${cacheDir()}, ` +
        "the official installer could not run, and Go is not installed to build it. Install Pulumi " +
        "(https://www.pulumi.com/docs/install/) or Go, then run `npm run engine`.",
    );
  }
  log(`  building the engine from the Go module ${ENGINE_MODULE}@v${version} (several minutes, once)...`);
  const module = path.join(staging, "build");
  fs.mkdirSync(module, { recursive: true });
  fs.writeFileSync(
    path.join(module, "go.mod"),
    [
      "module taurusdb-backups/pulumi-engine",
      "",
      "go 1.25",
      "",
      `require ${ENGINE_MODULE} v${version}`,
      "",
      "// The same replacement pkg/v3 makes in its own go.mod.",
      "replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e",
      "",
    ].join("\n"),
  );
  fs.writeFileSync(path.join(module, "tools.go"), `//go:build tools\n\npackage tools\n\nimport _ "${ENGINE_MODULE}/cmd/pulumi"\n`);
  const env = goEnv();
  await runLongStep({ label: "resolving the engine's Go modules", command: "go", args: ["mod", "tidy"], cwd: module, env }, log);
  await runLongStep(
    {
      label: "compiling the engine",
      command: "go",
      args: [
        "build",
        "-trimpath",
        "-ldflags",
        `-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v${version}`,
        "-o",
        path.join(staging, "bin", "pulumi"),
        `${ENGINE_MODULE}/cmd/pulumi`,
      ],
      cwd: module,
      env,
    },
    log,
  );
  fs.rmSync(module, { recursive: true, force: true });
}

/**
 * The engine starts dynamic providers through `pulumi-resource-pulumi-nodejs`, which a normal
 * install keeps beside `pulumi`; `@pulumi/pulumi` ships it. It resolves the SDK from the program's
 * directory, so it works for any project that has `@pulumi/pulumi` installed.
 */
function addNodejsProviderScript(binDir: string): void {
  const target = path.join(binDir, "pulumi-resource-pulumi-nodejs");
  if (fs.existsSync(target)) return;
  fs.mkdirSync(binDir, { recursive: true });
  fs.copyFileSync(require.resolve("@pulumi/pulumi/pulumi-resource-pulumi-nodejs"), target);
  fs.chmodSync(target, 0o755);
}

function quietEnv(): NodeJS.ProcessEnv {
  return { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" };
}
