/**
 * `npm run release:artifacts`: everything a release publishes, in one folder (`dist/release/` unless
 * `--out <dir>`), named as the places people install from expect:
 *   - `pulumi-resource-taurusdb-v<version>-<os>-<arch>.tar.gz` for the six targets, each with its
 *     own Node.js (./pluginArchive.ts), checked when it is built (./archiveCheck.ts): the GitHub
 *     release assets the engine downloads from the schema's `pluginDownloadURL`;
 *   - the Python SDK's wheel and sdist (./pythonDistributions.ts), for PyPI;
 *   - the npm package's tarball (`npm pack`), for the npm registry;
 *   - `taurusdb-<version>.yaml`, the package declaration a YAML program keeps beside Pulumi.yaml,
 *     which has the engine install the plugin by itself;
 *   - `schema.json`, and `SHA256SUMS` of every file.
 * The Go SDK is released as a tag (`sdk/go/v<version>`), not as a file. `--target linux-amd64`
 * (repeatable) builds only those archives and nothing else, for a quick local install.
 * The end-to-end tests' global set-up runs the same function.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "../../harness/repoRoot";
import { SCHEMA_FILE } from "../schema";
import { bundlePlugin, PLUGIN_NAME, PLUGIN_VERSION } from "./bundle";
import { provideArchive, type BuiltArchive } from "./pluginArchive";
import { providePythonDistributions, type PythonDistributions } from "./pythonDistributions";
import { pluginDownloadUrl } from "./repository";
import { releaseTargets, targetName } from "./targets";

export const RELEASE_DIR = path.join("dist", "release");
export const CHECKSUMS = "SHA256SUMS";

export interface ReleaseArtifacts {
  readonly dir: string;
  readonly archives: readonly BuiltArchive[];
  /** Absent when only some archives were asked for. */
  readonly python?: PythonDistributions;
  readonly npmPackage?: string;
  readonly yamlPackage?: string;
}

export interface ReleaseOptions {
  readonly outDir?: string;
  /** Target names (`linux-amd64`); all six by default, with every other artifact. */
  readonly targets?: readonly string[];
  readonly log?: (line: string) => void;
}

export async function buildReleaseArtifacts(options: ReleaseOptions = {}): Promise<ReleaseArtifacts> {
  const log = options.log ?? (() => undefined);
  const dir = path.resolve(options.outDir ?? path.join(repoRoot(), RELEASE_DIR));
  const targets = chosenTargets(options.targets);
  const complete = !options.targets;
  // The folder is the release: nothing of an earlier one may linger in it.
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });

  const bundle = await bundlePlugin();
  const archives: BuiltArchive[] = [];
  // Two at a time: compressing one runs on a worker thread while the next one's inputs are read.
  for (let i = 0; i < targets.length; i += 2) {
    archives.push(...(await Promise.all(targets.slice(i, i + 2).map((target) => provideArchive(target, bundle, dir, log)))));
  }
  if (!complete) return { dir, archives };

  const python = await providePythonDistributions(dir, log);
  const npmPackage = packNpmPackage(dir);
  const yamlPackage = writeYamlPackageDeclaration(dir);
  fs.copyFileSync(path.join(repoRoot(), SCHEMA_FILE), path.join(dir, SCHEMA_FILE));
  writeChecksums(dir, archives);
  return { dir, archives, python, npmPackage, yamlPackage };
}

function chosenTargets(names: readonly string[] | undefined) {
  const all = releaseTargets();
  if (!names) return all;
  const unknown = names.filter((name) => !all.some((t) => targetName(t) === name));
  if (unknown.length) throw new Error(`no release target ${unknown.join(", ")} (there are ${all.map(targetName).join(", ")})`);
  return all.filter((t) => names.includes(targetName(t)));
}

/** `npm pack`: the package TypeScript programs install, as the npm registry would serve it. */
function packNpmPackage(dir: string): string {
  const output = execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: repoRoot(), encoding: "utf8" });
  return path.join(dir, output.trim().split("\n").pop()!);
}

/**
 * The file Pulumi YAML reads as a package's declaration (what `pulumi package add` writes for
 * YAML): anywhere in a program's folder, it tells the engine the plugin's version and where to
 * download it, so the first `pulumi up` installs it.
 */
export function yamlPackageDeclaration(): string {
  return [
    "packageDeclarationVersion: 1",
    `name: ${PLUGIN_NAME}`,
    `version: ${PLUGIN_VERSION}`,
    `downloadUrl: ${pluginDownloadUrl()}`,
    "",
  ].join("\n");
}

function writeYamlPackageDeclaration(dir: string): string {
  const file = path.join(dir, `${PLUGIN_NAME}-${PLUGIN_VERSION}.yaml`);
  fs.writeFileSync(file, yamlPackageDeclaration());
  return file;
}

function writeChecksums(dir: string, archives: readonly BuiltArchive[]): void {
  const known = new Map(archives.map((archive) => [path.basename(archive.file), archive.sha256]));
  const lines = fs
    .readdirSync(dir)
    .filter((file) => file !== CHECKSUMS)
    .sort()
    .map(
      (file) =>
        `${
          known.get(file) ??
          createHash("sha256")
            .update(fs.readFileSync(path.join(dir, file)))
            .digest("hex")
        }  ${file}`,
    );
  fs.writeFileSync(path.join(dir, CHECKSUMS), `${lines.join("\n")}\n`);
}

function parseArgs(argv: readonly string[]): ReleaseOptions {
  const targets: string[] = [];
  let outDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--target") targets.push(argv[++i]);
    else if (argv[i] === "--out") outDir = argv[++i];
    else throw new Error(`usage: npm run release:artifacts -- [--out <dir>] [--target <os-arch>]... (unknown argument ${argv[i]})`);
  }
  return { outDir, targets: targets.length ? targets : undefined };
}

if (require.main === module) {
  const started = Date.now();
  Promise.resolve()
    .then(() => buildReleaseArtifacts({ ...parseArgs(process.argv.slice(2)), log: (line) => console.log(line) }))
    .then(
      (release) => {
        for (const file of fs.readdirSync(release.dir).sort()) {
          console.log(`  ${file}  ${(fs.statSync(path.join(release.dir, file)).size / 1024 / 1024).toFixed(1)} MB`);
        }
        console.log(`${release.dir} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      },
      (error: Error) => {
        console.error(error.message);
        process.exit(1);
      },
    );
}
