/**
 * The Python SDK as people install it: a wheel and an sdist of `sdk/python`, built by the standard
 * tooling (PyPA's `build`, in an environment of its own, with the build backend the SDK's
 * pyproject.toml names). They are built once per version of the SDK's files and kept in the cache
 * outside the repository; `pip install <wheel>` is what the Python test does with them.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { buildIntoCache, cacheDir } from "../../harness/cache";
import { runLongStep } from "../../harness/longStep";
import { findPython } from "../../harness/findPython";
import { treeHash } from "../../harness/treeHash";
import { repoRoot } from "../../harness/repoRoot";

/** PyPA's builder, pinned. */
export const PYTHON_BUILD_REQUIREMENT = "build==1.6.1";

export interface PythonDistributions {
  readonly wheel: string;
  readonly sdist: string;
}

export async function providePythonDistributions(outDir: string, log: (line: string) => void): Promise<PythonDistributions> {
  const sdkDir = path.join(repoRoot(), "sdk", "python");
  const cached = path.join(cacheDir(), "python-dists", treeHash(sdkDir).slice(0, 24));
  if (!fs.existsSync(cached)) {
    const builder = await provideBuilder(log);
    log(`building the Python SDK's wheel and sdist (once per SDK; ${cached})...`);
    await buildIntoCache(cached, "python-dists", async (staging) => {
      // Built from a copy: a build leaves build/ and *.egg-info beside the sources.
      const source = path.join(staging, "source");
      fs.cpSync(sdkDir, source, { recursive: true });
      await runLongStep(
        {
          label: "building the Python SDK with python -m build",
          command: builder,
          args: ["-m", "build", "--sdist", "--wheel", "--outdir", staging, source],
          timeoutMs: 900_000,
        },
        log,
      );
      fs.rmSync(source, { recursive: true, force: true });
    });
  }
  const files = fs.readdirSync(cached);
  const wheel = files.find((file) => file.endsWith(".whl"));
  const sdist = files.find((file) => file.endsWith(".tar.gz"));
  if (!wheel || !sdist)
    throw new Error(`python -m build left no wheel and sdist in ${cached} (found ${files.join(", ")}); delete it and run again.`);
  for (const file of [wheel, sdist]) fs.copyFileSync(path.join(cached, file), path.join(outDir, file));
  return { wheel: path.join(outDir, wheel), sdist: path.join(outDir, sdist) };
}

/** A virtual environment with PyPA's `build`, cached by its version. */
async function provideBuilder(log: (line: string) => void): Promise<string> {
  const dir = path.join(cacheDir(), `python-${PYTHON_BUILD_REQUIREMENT.replace("==", "-")}`);
  const python = path.join(dir, "bin", "python");
  if (fs.existsSync(python)) return python;
  await buildIntoCache(dir, "python-build", async (staging) => {
    await runLongStep(
      { label: "creating a Python environment for the SDK's build", command: findPython(), args: ["-m", "venv", staging] },
      log,
    );
    await runLongStep(
      {
        label: `installing ${PYTHON_BUILD_REQUIREMENT}`,
        command: path.join(staging, "bin", "python"),
        args: ["-m", "pip", "install", "--disable-pip-version-check", "--no-input", PYTHON_BUILD_REQUIREMENT],
        timeoutMs: 900_000,
      },
      log,
    );
  });
  return python;
}
