/**
 * What `npm run release:artifacts` put in the release folder (the end-to-end set-up runs it): an
 * archive for each of the six targets, named as the engine asks for it, each with the launcher
 * for its OS and a Node.js whose header says the right binary format and processor, read from the
 * archive's bytes (only linux-amd64 can run here: pluginDownload.test.ts and the programs' tests
 * run it); the Python wheel and sdist, the npm tarball, the YAML package declaration, schema.json,
 * and checksums that match.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { releaseDir } from "../../harness/release";
import { archiveProblems, inspectArchive, type ArchiveContents } from "../../scripts/release/archiveCheck";
import { CHECKSUMS } from "../../scripts/release/artifacts";
import { PLUGIN_EXECUTABLE, PLUGIN_NAME, PLUGIN_VERSION } from "../../scripts/release/bundle";
import { archiveName } from "../../scripts/release/pluginArchive";
import { releaseTargets, targetName } from "../../scripts/release/targets";

jest.setTimeout(120_000);

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));
const file = (name: string) => path.join(releaseDir(), name);

test("the release folder holds the six archives and every other artifact, nothing else", () => {
  expect(fs.readdirSync(releaseDir()).sort()).toEqual(
    [
      ...["linux", "darwin", "windows"].flatMap((os) =>
        ["amd64", "arm64"].map((arch) => `${PLUGIN_EXECUTABLE}-v${PLUGIN_VERSION}-${os}-${arch}.tar.gz`),
      ),
      `pulumi_taurusdb-${PLUGIN_VERSION}-py3-none-any.whl`,
      `pulumi_taurusdb-${PLUGIN_VERSION}.tar.gz`,
      `${manifest.name}-${manifest.version}.tgz`,
      `${PLUGIN_NAME}-${PLUGIN_VERSION}.yaml`,
      "schema.json",
      CHECKSUMS,
    ].sort(),
  );
});

describe.each(releaseTargets().map((target) => [targetName(target), target] as const))("the %s archive", (_name, target) => {
  let inspected: ArchiveContents;
  beforeAll(() => (inspected = inspectArchive(file(archiveName(target)), target)));
  const contents = () => inspected;

  test("is right for its target (the release's own check)", () => {
    expect(archiveProblems(file(archiveName(target)), target)).toEqual([]);
  });

  test("carries a Node.js in the binary format of its OS, for its processor", () => {
    const expected = { linux: "ELF", darwin: "Mach-O", windows: "PE" }[target.os];
    expect(contents().runtime).toEqual({ format: expected, arch: target.arch });
  });

  test("starts it with the launcher its OS runs", () => {
    const entries = contents().entries.map((entry) => entry.name);
    if (target.os === "windows") {
      expect(entries).toEqual(expect.arrayContaining([`${PLUGIN_EXECUTABLE}.cmd`, "runtime/node.exe"]));
      expect(entries).not.toContain(PLUGIN_EXECUTABLE);
      expect(contents().launcher).toBe(
        `@echo off\r\nrem The ${PLUGIN_EXECUTABLE} provider plugin: the Node.js beside this file runs the bundled plugin,\r\nrem so the machine needs no Node.js of its own.\r\n"%~dp0runtime\\node.exe" "%~dp0plugin.js" %*\r\nexit /b %ERRORLEVEL%\r\n`,
      );
    } else {
      expect(entries).toEqual(expect.arrayContaining([PLUGIN_EXECUTABLE, "runtime/node"]));
      expect(contents().launcher).toMatch(/^#!\/bin\/sh\n/);
      expect(contents().launcher).toContain('exec "$here/runtime/node" "$here/plugin.js" "$@"\n');
    }
  });

  test("says which Node.js it carries and where it came from, with its license", () => {
    const notices = contents()
      .entries.find((entry) => entry.name === "THIRD-PARTY-NOTICES.txt")!
      .data.toString("utf8");
    expect(notices).toContain(`is Node.js ${target.runtime.version} (`);
    expect(notices).toMatch(/Node\.js is licensed for use as follows:/);
  });
});

test("the Node.js of the linux archives is the version this repository develops on; every archive carries Node.js 24", () => {
  for (const target of releaseTargets()) {
    expect(target.runtime.version).toMatch(/^24\./);
    if (target.os === "linux") expect(target.runtime.version).toBe(manifest.devEngines.runtime.version);
  }
});

test("SHA256SUMS lists every other file with its hash", () => {
  const lines = fs.readFileSync(file(CHECKSUMS), "utf8").trim().split("\n");
  const listed = lines.map((line) => line.split("  ")[1]);
  expect(listed).toEqual(
    fs
      .readdirSync(releaseDir())
      .filter((name) => name !== CHECKSUMS)
      .sort(),
  );
  for (const line of lines) {
    const [hash, name] = line.split("  ");
    expect(
      createHash("sha256")
        .update(fs.readFileSync(file(name)))
        .digest("hex"),
    ).toBe(hash);
  }
});

test("the release's schema.json is the repository's", () => {
  expect(fs.readFileSync(file("schema.json"), "utf8")).toBe(fs.readFileSync(path.join(__dirname, "..", "..", "schema.json"), "utf8"));
});
