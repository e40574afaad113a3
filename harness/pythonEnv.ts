/**
 * A Python virtual environment for Python programs that use the generated SDK: `pulumi` from PyPI
 * at the engine's version, and the SDK installed from `sdk/python`. It is cached outside the
 * repository under `python-<hash>`, the hash covering the Pulumi version and every file of the SDK,
 * so it is made once and again only when the SDK is regenerated. It is built in a staging
 * directory and renamed into place; only `bin/python` is used (`python -m ...`), which keeps
 * working after the move.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { buildIntoCache, cacheDir, wantedVersion } from "./engine";
import { repoRoot } from "./localStack";

export interface PythonEnv {
  /** The environment's interpreter. */
  readonly python: string;
  readonly dir: string;
  readonly source: "cache" | "created";
}

export function ensurePythonEnv(log: (line: string) => void = () => undefined): PythonEnv {
  const sdkDir = path.join(repoRoot(), "sdk", "python");
  const requirements = [`pulumi==${wantedVersion()}`, `sdk/python sha256:${treeHash(sdkDir)}`];
  const dir = path.join(cacheDir(), `python-${createHash("sha256").update(requirements.join("\n")).digest("hex").slice(0, 16)}`);
  const python = path.join(dir, "bin", "python");
  if (runs(python)) return { python, dir, source: "cache" };

  const base = findPython();
  log(`Creating a Python environment with ${requirements[0]} and the generated SDK (once; ${dir})...`);
  buildIntoCache(dir, "python", (staging) => {
    run(base, ["-m", "venv", staging], "create a virtual environment");
    const stagedPython = path.join(staging, "bin", "python");
    // Built from a copy: pip's build leaves build/ and *.egg-info beside the sources.
    const sdkCopy = path.join(staging, "sdk-source");
    fs.cpSync(sdkDir, sdkCopy, { recursive: true });
    run(
      stagedPython,
      ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", requirements[0], sdkCopy],
      "install pulumi and the generated SDK",
    );
    fs.rmSync(sdkCopy, { recursive: true, force: true });
  });
  if (!runs(python)) throw new Error(`the Python environment at ${dir} does not run`);
  return { python, dir, source: "created" };
}

function findPython(): string {
  for (const candidate of ["python3", "python"]) {
    const probe = spawnSync(candidate, ["-c", "import sys, venv; print(sys.version_info >= (3, 9))"], { encoding: "utf8" });
    if (probe.status === 0 && probe.stdout.trim() === "True") return candidate;
  }
  throw new Error(
    "Python 3.9 or later with the venv module is needed to run Python programs with the generated SDK; " +
      "install it (e.g. `apt-get install python3 python3-venv`), then run the tests again.",
  );
}

function runs(python: string): boolean {
  return fs.existsSync(python) && spawnSync(python, ["-c", "import pulumi, pulumi_taurusdb"], { encoding: "utf8" }).status === 0;
}

function run(command: string, args: string[], what: string): void {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 900_000 });
  if (result.status !== 0)
    throw new Error(
      `Could not ${what} (\`${command} ${args.join(" ")}\`):\n${(result.stderr || result.stdout || "").trim().split("\n").slice(-15).join("\n")}`,
    );
}

/** A hash of every file under `dir` (paths and contents), in a stable order. */
function treeHash(dir: string): string {
  const hash = createHash("sha256");
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "__pycache__") walk(file);
      } else {
        hash.update(path.relative(dir, file)).update("\0").update(fs.readFileSync(file)).update("\0");
      }
    }
  };
  walk(dir);
  return hash.digest("hex");
}
