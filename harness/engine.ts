/**
 * Makes Pulumi's engine (the `pulumi` CLI) available, for the tests and the demo. The Node.js SDK
 * does not contain it. In order:
 *   1. `pulumi` on PATH;
 *   2. a copy cached outside the repository, keyed by version;
 *   3. Pulumi's official installer (needs the internet);
 *   4. a build of Pulumi's published Go module (`github.com/pulumi/pulumi/pkg/v3/cmd/pulumi`) from
 *      the Go module proxy, through a small wrapper module (its go.mod has `replace` directives,
 *      so `go install pkg@version` refuses it).
 * The version is the one of the installed `@pulumi/pulumi` SDK, so engine and SDK match.
 *
 * Run directly (`npm run engine`) it prints where the engine is, and provides the YAML language
 * host the same way (./yamlLanguageHost.ts).
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export interface Engine {
  /** Directory holding `pulumi` and `pulumi-resource-pulumi-nodejs`. */
  readonly binDir: string;
  /** For `PulumiCommand.get({ root })`: the directory above `bin`. */
  readonly root: string;
  readonly version: string;
  readonly source: "PATH" | "cache" | "installer" | "go build";
}

/** Where engines are cached: `$TAURUSDB_ENGINE_CACHE`, else `$XDG_CACHE_HOME` or `~/.cache`. */
export function cacheDir(): string {
  return (
    process.env.TAURUSDB_ENGINE_CACHE ??
    path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "pulumi-taurusdb-backups")
  );
}

/** The engine version to use: `$TAURUSDB_PULUMI_VERSION`, else the SDK's. */
export function wantedVersion(): string {
  return (process.env.TAURUSDB_PULUMI_VERSION ?? require("@pulumi/pulumi/package.json").version).replace(/^v/, "");
}

export function ensureEngine(log: (line: string) => void = () => undefined): Engine {
  const version = wantedVersion();
  const onPath = fromPath();
  if (onPath) return onPath;

  const root = path.join(cacheDir(), `pulumi-v${version}`);
  const binDir = path.join(root, "bin");
  const cached = path.join(binDir, "pulumi");
  if (works(cached)) {
    addNodejsProviderScript(binDir);
    return { binDir, root, version, source: "cache" };
  }

  let source: Engine["source"] = "installer";
  buildIntoCache(root, `v${version}`, (staging) => {
    log(`Pulumi engine v${version} is not cached; trying the official installer...`);
    if (!tryInstaller(version, staging, log)) {
      source = "go build";
      buildWithGo(version, staging, log);
    }
    addNodejsProviderScript(path.join(staging, "bin"));
  });
  if (!works(cached)) throw new Error(`the engine at ${cached} does not run`);
  log(`Pulumi engine v${version} cached at ${root} (${source}).`);
  return { binDir, root, version, source };
}

/**
 * Fills `root` (a directory in the cache) by running `build` in a staging directory beside it, then
 * renames the staging directory into place: a half-built tool is never seen as cached, and two
 * processes building at once each finish with a complete copy.
 */
export function buildIntoCache(root: string, label: string, build: (staging: string) => void): void {
  fs.mkdirSync(cacheDir(), { recursive: true });
  const staging = fs.mkdtempSync(path.join(cacheDir(), `.staging-${label}-`));
  try {
    build(staging);
    fs.rmSync(root, { recursive: true, force: true });
    fs.renameSync(staging, root); // atomic
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function fromPath(): Engine | undefined {
  const found = spawnSync("sh", ["-c", "command -v pulumi"], { encoding: "utf8" });
  const file = found.status === 0 ? found.stdout.trim() : "";
  if (!file || !works(file)) return undefined;
  const binDir = path.dirname(fs.realpathSync(file));
  const version = execFileSync(file, ["version"], { encoding: "utf8" }).trim().replace(/^v/, "");
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

function buildWithGo(version: string, staging: string, log: (line: string) => void): void {
  if (spawnSync("go", ["version"]).status !== 0) {
    throw new Error(
      `The Pulumi engine v${version} is not available: no \`pulumi\` on PATH, none cached in ${cacheDir()}, ` +
        "the official installer could not run, and Go is not installed to build it. Install Pulumi " +
        "(https://www.pulumi.com/docs/install/) or Go, then run `npm run engine`.",
    );
  }
  log(`  building the engine from the Go module github.com/pulumi/pulumi/pkg/v3@v${version} (several minutes, once)...`);
  const module = path.join(staging, "build");
  fs.mkdirSync(module, { recursive: true });
  fs.writeFileSync(
    path.join(module, "go.mod"),
    [
      "module taurusdb-backups/pulumi-engine",
      "",
      "go 1.25",
      "",
      `require github.com/pulumi/pulumi/pkg/v3 v${version}`,
      "",
      "// The same replacement pkg/v3 makes in its own go.mod.",
      "replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e",
      "",
    ].join("\n"),
  );
  fs.writeFileSync(
    path.join(module, "tools.go"),
    '//go:build tools\n\npackage tools\n\nimport _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"\n',
  );
  const env = { ...process.env, CGO_ENABLED: "0" };
  const run = (args: string[]) => {
    const result = spawnSync("go", args, { cwd: module, env, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"], timeout: 3_600_000 });
    if (result.status !== 0)
      throw new Error(`\`go ${args.join(" ")}\` failed:\n${(result.stderr || "").split("\n").slice(-20).join("\n")}`);
  };
  run(["mod", "tidy"]);
  run([
    "build",
    "-trimpath",
    "-ldflags",
    `-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v${version}`,
    "-o",
    path.join(staging, "bin", "pulumi"),
    "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi",
  ]);
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

if (require.main === module) {
  try {
    const engine = ensureEngine((line) => console.log(line));
    console.log(`pulumi v${engine.version} (${engine.source}): ${engine.binDir}`);
    // Required here, not imported at the top: the YAML host module imports this one.
    const { ensureYamlLanguageHost } = require("./yamlLanguageHost") as typeof import("./yamlLanguageHost");
    const yaml = ensureYamlLanguageHost((line) => console.log(line));
    console.log(`pulumi-language-yaml ${yaml.version ? `v${yaml.version}` : "(version not reported)"} (${yaml.source}): ${yaml.binDir}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
