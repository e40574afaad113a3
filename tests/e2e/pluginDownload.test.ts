/**
 * The plugin installs itself, as a new user meets it: on a machine with no Node.js on PATH and an
 * empty Pulumi home, the engine downloads the release archive for this machine from the location
 * the schema names (`pluginDownloadURL`), here a loopback server standing in for the release host
 * through Pulumi's own `PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES`; then a YAML program with nothing but
 * the release's package declaration beside Pulumi.yaml reads the newest COMPLETED backup and pins
 * one on its first `pulumi up`, and its output shows the listing's progress, under the resources.
 */
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { ensureEngine, type Engine } from "../../harness/engine";
import { emulatorConfig, workRoot, type LocalStack } from "../../harness/localStack";
import { pluginDir } from "../../harness/pluginInstall";
import { hostArchive, releaseDir } from "../../harness/release";
import { createYamlStack } from "../../harness/yamlStack";
import { ensureYamlLanguageHost } from "../../harness/yamlLanguageHost";
import { yamlPackageDeclaration } from "../../scripts/release/artifacts";
import { PLUGIN_EXECUTABLE, PLUGIN_NAME, PLUGIN_VERSION } from "../../scripts/release/bundle";
import { archiveName } from "../../scripts/release/pluginArchive";
import { pluginDownloadUrl } from "../../scripts/release/repository";
import { startReleaseHost, type ReleaseHost } from "../support/releaseHost";

jest.setTimeout(300_000);

/** `pulumi` as a user runs it, asynchronously: the release host answers from this same process. */
const pulumi = async (args: readonly string[], env: Record<string, string>, cwd?: string) =>
  (await promisify(execFile)(path.join(engine.binDir, "pulumi"), [...args], { env, cwd, encoding: "utf8" })).stdout;

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "schema.json"), "utf8"));
/** The README's YAML example, the instance from config and 20 backups a page, so the listing has pages to show. */
const PROGRAM = `
config:
  instanceId:
    type: string
variables:
  backups:
    fn::invoke:
      function: taurusdb:index:getInstanceBackups
      arguments:
        requireLatestCompleted: true
        instanceId: \${instanceId}
        pageSize: 20
resources:
  restorePoint:
    type: taurusdb:index:LatestCompletedBackup
    properties:
      instanceId: \${instanceId}
      pageSize: 20
      keepers:
        generation: "1"
outputs:
  newestCompletedBackupId: \${backups.latestCompletedBackupId}
  restoreFrom: \${restorePoint.backupId}
`;

let engine: Engine;
let releaseHost: ReleaseHost;
let emulator: RunningEmulator;
let scratch: string;
const archive = () => `/v${PLUGIN_VERSION}/${archiveName(hostArchive().target)}`;

/**
 * The engine's environment: a PATH of the engine's and the YAML host's folders only (neither holds
 * a Node.js), downloads allowed, and the release location sent to the loopback server instead. The
 * override's pattern is the schema's own download location, so a change of it fails here.
 */
function userEnv(pulumiHome: string): Record<string, string> {
  const location = schema.pluginDownloadURL as string;
  const prefix = location.slice(0, location.indexOf("${VERSION}"));
  return {
    PATH: [engine.binDir, ensureYamlLanguageHost().binDir].join(path.delimiter),
    PULUMI_HOME: pulumiHome,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "false",
    PULUMI_DISABLE_REGISTRY_RESOLVE: "true",
    PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES: `^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}=${releaseHost.url}/v\${VERSION}`,
  };
}

beforeAll(async () => {
  engine = ensureEngine();
  releaseHost = await startReleaseHost(releaseDir(), PLUGIN_VERSION);
  emulator = await startEmulator({ backups: 70, seed: 31 });
  scratch = fs.mkdtempSync(path.join(workRoot(), "plugin-download-"));
});
afterAll(async () => {
  await releaseHost?.close();
  await emulator?.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

test("the schema, and so every SDK, names the release as the download location", () => {
  expect(schema.pluginDownloadURL).toBe(pluginDownloadUrl());
  expect(schema.pluginDownloadURL).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/releases\/download\/v\$\{VERSION\}$/);
});

test("the test machine's PATH for the engine has no Node.js", () => {
  const dirs = userEnv("unused").PATH.split(path.delimiter);
  expect(dirs.filter((dir) => fs.existsSync(path.join(dir, "node")))).toEqual([]);
});

test("pulumi plugin install resource taurusdb <version>, without --file, downloads this machine's archive from the release and installs it", async () => {
  const pulumiHome = path.join(scratch, "install-home");
  const before = releaseHost.requests.length;
  await pulumi(
    ["plugin", "install", "resource", PLUGIN_NAME, PLUGIN_VERSION, "--server", schema.pluginDownloadURL],
    userEnv(pulumiHome),
    scratch,
  );
  expect(releaseHost.requests.slice(before)).toEqual([archive()]);
  const plugins = JSON.parse(await pulumi(["plugin", "ls", "--json"], userEnv(pulumiHome)));
  expect(plugins).toEqual([expect.objectContaining({ name: PLUGIN_NAME, kind: "resource", version: PLUGIN_VERSION })]);
  expect(fs.statSync(path.join(pluginDir(pulumiHome), PLUGIN_EXECUTABLE)).mode & 0o111).not.toBe(0);
});

describe("a YAML program's first pulumi up, with an empty Pulumi home and only the release's package declaration", () => {
  let local: LocalStack;
  const printed: string[] = [];
  const events: EngineEvent[] = [];
  const pulumiHome = () => path.join(scratch, "yaml-home");

  beforeAll(async () => {
    const declaration = fs.readFileSync(path.join(releaseDir(), `${PLUGIN_NAME}-${PLUGIN_VERSION}.yaml`), "utf8");
    expect(declaration).toBe(yamlPackageDeclaration());
    local = await createYamlStack({
      project: "e2e-plugin-download",
      program: PROGRAM,
      pulumiHome: pulumiHome(),
      files: { [`${PLUGIN_NAME}-${PLUGIN_VERSION}.yaml`]: declaration },
      env: userEnv(pulumiHome()),
      config: { ...emulatorConfig(emulator), instanceId: { value: emulator.instanceId } },
    });
  });
  afterAll(async () => {
    await local?.dispose();
  });

  test("installs the plugin by itself, reads the newest COMPLETED backup and pins it", async () => {
    expect(fs.existsSync(pluginDir(pulumiHome()))).toBe(false);
    const before = releaseHost.requests.length;
    const up = await local.stack.up({ onOutput: (text) => printed.push(text), onEvent: (event) => events.push(event) });
    const newest = emulator.control.backups().find((b) => b.status === "COMPLETED")!.id;
    expect(up.outputs.newestCompletedBackupId.value).toBe(newest);
    expect(up.outputs.restoreFrom.value).toBe(newest);
    expect(releaseHost.requests.slice(before)).toEqual([archive()]);
    expect(fs.existsSync(path.join(pluginDir(pulumiHome()), PLUGIN_EXECUTABLE))).toBe(true);
  });

  test("its output shows the listing's progress lines, and the pin, as the TypeScript package writes them", () => {
    const output = printed.join("");
    expect(output).toContain(`${emulator.instanceId}: listed 70 backups in 4 page(s), 1 scan(s); newest COMPLETED`);
    expect(output).toMatch(/LatestCompletedBackup: pinned backup .* of instance /);
    for (const secret of [emulator.credentials.accessKey, emulator.credentials.secretKey]) expect(output).not.toContain(secret);
  });

  test("the page lines reach the engine as ephemeral progress, the pinned resource's under its URN", () => {
    const diagnostics = events.flatMap((e) => (e.diagnosticEvent ? [e.diagnosticEvent] : []));
    const pages = diagnostics.filter((d) => /fetched page \d+\/4 \(\d+ of 70 backups\)/.test(d.message));
    expect(pages.length).toBeGreaterThanOrEqual(8);
    expect(pages.every((d) => d.ephemeral === true && d.severity === "info")).toBe(true);
    const pinnedUrn = expect.stringMatching(/::taurusdb:index:LatestCompletedBackup::restorePoint$/);
    expect(pages).toContainEqual(expect.objectContaining({ urn: pinnedUrn, message: expect.stringContaining("fetched page 4/4") }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ urn: pinnedUrn, message: expect.stringContaining("pinned backup") }));
  });
});
