/**
 * A Python virtual environment for Python programs that use the generated SDK: `pulumi` from PyPI
 * ({@link PYTHON_PULUMI_VERSION}), and the SDK installed from the release's wheel, as a user installs
 * it (scripts/release/pythonDistributions.ts builds it). It is made afresh for each wheel: cached
 * outside the repository under `python-<hash>`, the hash covering the Pulumi version and the
 * wheel's bytes, so an environment never outlives the wheel it was made from. It is built in a
 * staging directory and renamed into place; only `bin/python` is used (`python -m ...`), which
 * keeps working after the move.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { buildIntoCache, cacheDir } from "./cache";
import { findPython } from "./findPython";
import { runLongStep } from "./longStep";
import { releaseDir } from "./release";

/**
 * Pulumi's Python SDK for the Python programs: the newest on PyPI that is not newer than the
 * engine (3.276.0 has no Python release; the Python SDK talks to any engine of the same major).
 */
export const PYTHON_PULUMI_VERSION = "3.272.0";

export interface PythonEnv {
  /** The environment's interpreter. */
  readonly python: string;
  readonly dir: string;
  /** The wheel the SDK was installed from. */
  readonly wheel: string;
  readonly source: "cache" | "created";
}

function place(wheel: string) {
  const requirements = [
    `pulumi==${PYTHON_PULUMI_VERSION}`,
    `${path.basename(wheel)} sha256:${createHash("sha256").update(fs.readFileSync(wheel)).digest("hex")}`,
  ];
  const dir = path.join(cacheDir(), `python-${createHash("sha256").update(requirements.join("\n")).digest("hex").slice(0, 16)}`);
  return { requirement: requirements[0], dir, python: path.join(dir, "bin", "python") };
}

/** The release's wheel of the SDK (the end-to-end set-up builds the release first). */
export function releaseWheel(): string {
  const wheel = fs.existsSync(releaseDir()) ? fs.readdirSync(releaseDir()).find((file) => file.endsWith(".whl")) : undefined;
  if (!wheel)
    throw new Error(`No wheel of the Python SDK in ${releaseDir()}: run \`npm run release:artifacts\` (or \`npm run engine\`) first.`);
  return path.join(releaseDir(), wheel);
}

/** The environment, once the set-up has made it (the tests' global set-up, `npm run engine`). */
export function ensurePythonEnv(wheel = releaseWheel()): PythonEnv {
  const { dir, python } = place(wheel);
  if (runs(python)) return { python, dir, wheel, source: "cache" };
  throw new Error(`The Python environment for the SDK's wheel is not set up (${dir}): run \`npm run engine\` first.`);
}

/** A fresh environment for `wheel`, made when none exists for it yet (a pip install, once per wheel and Pulumi version). */
export async function providePythonEnv(wheel: string, log: (line: string) => void): Promise<PythonEnv> {
  const { requirement, dir, python } = place(wheel);
  if (runs(python)) return { python, dir, wheel, source: "cache" };
  const base = findPython();
  log(`Creating a Python environment with ${requirement} and the SDK's wheel ${path.basename(wheel)} (once per wheel; ${dir})...`);
  await buildIntoCache(dir, "python", async (staging) => {
    await runLongStep({ label: "creating a Python virtual environment", command: base, args: ["-m", "venv", staging] }, log);
    await runLongStep(
      {
        label: `installing ${requirement} and the SDK's wheel with pip`,
        command: path.join(staging, "bin", "python"),
        args: ["-m", "pip", "install", "--disable-pip-version-check", "--no-input", requirement, wheel],
        timeoutMs: 900_000,
      },
      log,
    );
  });
  if (!runs(python)) throw new Error(`the Python environment at ${dir} does not run`);
  return { python, dir, wheel, source: "created" };
}

function runs(python: string): boolean {
  return fs.existsSync(python) && spawnSync(python, ["-c", "import pulumi, pulumi_taurusdb"], { encoding: "utf8" }).status === 0;
}
