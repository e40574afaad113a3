/**
 * A Python virtual environment for Python programs that use the generated SDK: `pulumi` from PyPI
 * ({@link PYTHON_PULUMI_VERSION}), and the SDK installed from `sdk/python`. It is cached outside the
 * repository under `python-<hash>`, the hash covering the Pulumi version and every file of the SDK,
 * so it is made once and again only when the SDK is regenerated. It is built in a staging
 * directory and renamed into place; only `bin/python` is used (`python -m ...`), which keeps
 * working after the move.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { buildIntoCache, cacheDir } from "./cache";
import { runLongStep } from "./longStep";
import { repoRoot } from "./repoRoot";

/**
 * Pulumi's Python SDK for the Python programs: the newest on PyPI that is not newer than the
 * engine (3.276.0 has no Python release; the Python SDK talks to any engine of the same major).
 */
export const PYTHON_PULUMI_VERSION = "3.272.0";

export interface PythonEnv {
  /** The environment's interpreter. */
  readonly python: string;
  readonly dir: string;
  readonly source: "cache" | "created";
}

function place() {
  const sdkDir = path.join(repoRoot(), "sdk", "python");
  const requirements = [`pulumi==${PYTHON_PULUMI_VERSION}`, `sdk/python sha256:${treeHash(sdkDir)}`];
  const dir = path.join(cacheDir(), `python-${createHash("sha256").update(requirements.join("\n")).digest("hex").slice(0, 16)}`);
  return { sdkDir, requirement: requirements[0], dir, python: path.join(dir, "bin", "python") };
}

/** The environment, once the set-up has made it (the tests' global set-up, `npm run engine`). */
export function ensurePythonEnv(): PythonEnv {
  const { dir, python } = place();
  if (runs(python)) return { python, dir, source: "cache" };
  throw new Error(`The Python environment for the generated SDK is not set up (${dir}): run \`npm run engine\` first.`);
}

/** The environment, made first when it is not cached (a pip install, once per SDK and Pulumi version). */
export async function providePythonEnv(log: (line: string) => void): Promise<PythonEnv> {
  const { sdkDir, requirement, dir, python } = place();
  if (runs(python)) return { python, dir, source: "cache" };
  const base = findPython();
  log(`Creating a Python environment with ${requirement} and the generated SDK (once; ${dir})...`);
  await buildIntoCache(dir, "python", async (staging) => {
    await runLongStep({ label: "creating a Python virtual environment", command: base, args: ["-m", "venv", staging] }, log);
    const stagedPython = path.join(staging, "bin", "python");
    // Built from a copy: pip's build leaves build/ and *.egg-info beside the sources.
    const sdkCopy = path.join(staging, "sdk-source");
    fs.cpSync(sdkDir, sdkCopy, { recursive: true });
    await runLongStep(
      {
        label: `installing ${requirement} and the generated SDK with pip`,
        command: stagedPython,
        args: ["-m", "pip", "install", "--disable-pip-version-check", "--no-input", requirement, sdkCopy],
        timeoutMs: 900_000,
      },
      log,
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
