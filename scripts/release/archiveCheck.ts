/**
 * What a release archive must hold for its target, checked from its bytes: exactly the files of
 * the layout (./layout.ts), the launcher the engine starts on that OS, executable where the
 * OS asks for it, and a Node.js of the target's binary format and architecture (./binaryFormat.ts).
 * The release command refuses an archive with a problem; the tests check all six the same way.
 */
import { executableKind, FORMAT_OF, type Executable } from "./binaryFormat";
import { launcherFor } from "./launchers";
import { ARCHIVE_PLUGIN, LICENSE, NOTICES, RUNTIME_DIR } from "./layout";
import { readTarGz, type ReadEntry } from "./tarball";
import { targetName, type ReleaseTarget } from "./targets";

export interface ArchiveContents {
  readonly entries: readonly ReadEntry[];
  /** What the runtime's header says it is. */
  readonly runtime: Executable | undefined;
  readonly launcher: string | undefined;
}

export function inspectArchive(file: string, target: ReleaseTarget): ArchiveContents {
  const entries = readTarGz(file);
  const launcher = launcherFor(target.os);
  const runtime = entries.find((entry) => entry.name === launcher.runtime);
  return {
    entries,
    runtime: runtime && executableKind(runtime.data.subarray(0, 4096)),
    launcher: entries.find((entry) => entry.name === launcher.name)?.data.toString("utf8"),
  };
}

/** Everything wrong with the archive for `target`, one sentence each; empty when it is right. */
export function archiveProblems(file: string, target: ReleaseTarget): string[] {
  const contents = inspectArchive(file, target);
  const launcher = launcherFor(target.os);
  const expected = [LICENSE, NOTICES, ARCHIVE_PLUGIN, launcher.name, `${RUNTIME_DIR}/`, launcher.runtime].sort();
  const names = contents.entries.map((entry) => entry.name).sort();
  const problems: string[] = [];
  const where = `the ${targetName(target)} archive`;
  if (names.join("\n") !== expected.join("\n")) problems.push(`${where} holds ${names.join(", ")}; expected ${expected.join(", ")}`);
  if (contents.launcher !== launcher.text) problems.push(`${where}'s ${launcher.name} is not the ${target.os} launcher`);
  for (const executable of [launcher.name, launcher.runtime]) {
    const entry = contents.entries.find((e) => e.name === executable);
    if (entry && (entry.mode & 0o111) !== 0o111)
      problems.push(`${where}'s ${executable} is not executable (mode ${entry.mode.toString(8)})`);
  }
  const want = { format: FORMAT_OF[target.os], arch: target.arch };
  if (contents.runtime?.format !== want.format || contents.runtime.arch !== want.arch)
    problems.push(
      `${where}'s ${launcher.runtime} is ${contents.runtime ? `${contents.runtime.format} for ${contents.runtime.arch}` : "no executable it can tell"}; expected ${want.format} for ${want.arch}`,
    );
  if (!contents.entries.find((e) => e.name === ARCHIVE_PLUGIN)?.data.length) problems.push(`${where}'s ${ARCHIVE_PLUGIN} is empty`);
  return problems;
}
