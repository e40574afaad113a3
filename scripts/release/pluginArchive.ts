/**
 * One release archive: `pulumi-resource-<name>-v<version>-<os>-<arch>.tar.gz`, the name the engine
 * asks a release location for, holding what a machine of that target needs and nothing it must
 * have already:
 *   - the launcher the engine starts (./launchers.ts),
 *   - `plugin.js`, the bundled plugin (./bundle.ts),
 *   - `runtime/node` (`runtime/node.exe`), that target's Node.js, unmodified (./runtime.ts),
 *   - `THIRD-PARTY-NOTICES.txt` (the bundled packages' licenses and Node.js's) and `LICENSE`.
 * An archive is built once per set of inputs and kept in the cache outside the repository (each
 * one is ~40 MB of compressed Node.js), after ./archiveCheck.ts has found it right.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { buildIntoCache, cacheDir } from "../../harness/cache";
import { repoRoot } from "../../harness/repoRoot";
import { noticeSection, PLUGIN_EXECUTABLE, PLUGIN_VERSION, type PluginBundle } from "./bundle";
import { archiveProblems } from "./archiveCheck";
import { launcherFor } from "./launchers";
import { ARCHIVE_PLUGIN, LICENSE, NOTICES, RUNTIME_DIR } from "./layout";
import { provideRuntime } from "./runtime";
import { writeTarGz, type TarEntry } from "./tarball";
import { targetName, type ReleaseTarget } from "./targets";

/** Changes whenever what goes into an archive changes in a way its inputs do not show. */
const LAYOUT_VERSION = "1";

export interface BuiltArchive {
  readonly target: ReleaseTarget;
  readonly file: string;
  readonly sha256: string;
  /** Whether it was built now or found in the cache. */
  readonly source: "built" | "cache";
}

export function archiveName(target: ReleaseTarget, version = PLUGIN_VERSION): string {
  return `${PLUGIN_EXECUTABLE}-v${version}-${targetName(target)}.tar.gz`;
}

/** The archive for `target` in `outDir`, built (or taken from the cache) from `bundle`. */
export async function provideArchive(
  target: ReleaseTarget,
  bundle: PluginBundle,
  outDir: string,
  log: (line: string) => void,
): Promise<BuiltArchive> {
  const runtime = await provideRuntime(target, log);
  const launcher = launcherFor(target.os);
  const notices = [
    bundle.notices,
    `${launcher.runtime} is ${runtime.description}.\n`,
    ...runtime.licenses.map((license) => noticeSection(license.title, license.text)),
  ].join("\n");
  const files: TarEntry[] = [
    { name: LICENSE, mode: 0o644, data: fs.readFileSync(path.join(repoRoot(), LICENSE)) },
    { name: NOTICES, mode: 0o644, data: Buffer.from(notices) },
    { name: ARCHIVE_PLUGIN, mode: 0o644, data: bundle.js },
    { name: launcher.name, mode: 0o755, data: Buffer.from(launcher.text) },
  ];

  // The runtime enters the key by what it is (a registry package at a version, which never
  // changes), not by its 100 MB of bytes: a warm release reads no Node.js at all.
  const key = createHash("sha256").update(
    `${LAYOUT_VERSION}\0${targetName(target)}\0${runtime.description}\0${fs.statSync(runtime.executable).size}\0`,
  );
  for (const file of files) key.update(`${file.name}\0${file.mode}\0`).update(file.data!).update("\0");
  const name = archiveName(target);
  const cached = path.join(cacheDir(), "release-archives", key.digest("hex").slice(0, 24));
  let source: BuiltArchive["source"] = "cache";
  if (!fs.existsSync(path.join(cached, `${name}.sha256`))) {
    source = "built";
    log(`building ${name} (${runtime.description})...`);
    const entries: TarEntry[] = [
      ...files,
      { name: `${RUNTIME_DIR}/`, mode: 0o755 },
      { name: launcher.runtime, mode: 0o755, data: fs.readFileSync(runtime.executable) },
    ];
    await buildIntoCache(cached, `archive-${targetName(target)}`, async (staging) => {
      const sha256 = await writeTarGz(path.join(staging, name), entries);
      // Kept only when right: a cached archive has passed the check.
      const problems = archiveProblems(path.join(staging, name), target);
      if (problems.length) throw new Error(`The ${targetName(target)} archive is not right:\n- ${problems.join("\n- ")}`);
      // Read-only: the release folder holds hard links to it.
      fs.chmodSync(path.join(staging, name), 0o444);
      fs.writeFileSync(path.join(staging, `${name}.sha256`), sha256);
    });
  }
  const file = path.join(outDir, name);
  placeCopy(path.join(cached, name), file);
  return { target, file, sha256: fs.readFileSync(path.join(cached, `${name}.sha256`), "utf8"), source };
}

/** A hard link when the cache is on the same file system (archives are large), else a copy. */
function placeCopy(from: string, to: string): void {
  fs.rmSync(to, { force: true });
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}
