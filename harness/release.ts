/**
 * The release's artifacts for the tests: made by the release command's own function
 * (scripts/release/artifacts.ts) in the end-to-end set-up, into `dist/release/`, and found there by
 * the tests that install or inspect them. Its archives and Python distributions come from the cache
 * outside the repository when their inputs have not changed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { buildReleaseArtifacts, RELEASE_DIR, type ReleaseArtifacts } from "../scripts/release/artifacts";
import { archiveName } from "../scripts/release/pluginArchive";
import { hostTarget, type ReleaseTarget } from "../scripts/release/targets";
import { repoRoot } from "./repoRoot";

export function releaseDir(): string {
  return path.join(repoRoot(), RELEASE_DIR);
}

/** Builds every artifact (`npm run release:artifacts`), with progress lines and the time it took. */
export async function provideRelease(log: (line: string) => void): Promise<ReleaseArtifacts> {
  const started = Date.now();
  const release = await buildReleaseArtifacts({ log });
  const built = release.archives.filter((archive) => archive.source === "built").length;
  log(
    `release artifacts in ${release.dir} (${built} of ${release.archives.length} archives built, the rest cached; ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  return release;
}

/** A file of the release the set-up made; an error saying how to make it when it is missing. */
export function releaseFile(name: string): string {
  const file = path.join(releaseDir(), name);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run release:artifacts\` (the end-to-end set-up does) first.`);
  return file;
}

/** The archive of the target this machine is. */
export function hostArchive(): { file: string; target: ReleaseTarget } {
  const target = hostTarget();
  return { file: releaseFile(archiveName(target)), target };
}
