/**
 * The release archive of this machine (scripts/release/pluginArchive.ts): what it holds, read by
 * GNU tar (independently of the release's own reader), that the real `pulumi plugin install --file`
 * installs it where the engine looks, and that the installed launcher needs nothing beside it: no
 * Node.js on PATH, no node_modules, no NODE_PATH. That the engine runs the installed copy for real
 * programs is shown by yamlProgram.test.ts and pythonProgram.test.ts, which use this installation;
 * that it downloads it by itself, by pluginDownload.test.ts.
 */
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ensureEngine, type Engine } from "../../harness/engine";
import { PLUGIN_EXECUTABLE, PLUGIN_NAME, PLUGIN_VERSION } from "../../scripts/release/bundle";
import { installPluginFromArchive, type InstalledPlugin } from "../../harness/pluginInstall";
import { targetName } from "../../scripts/release/targets";

jest.setTimeout(120_000);

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));
let engine: Engine;
let installed: InstalledPlugin;

beforeAll(async () => {
  engine = ensureEngine();
  installed = await installPluginFromArchive(engine, "package");
});
afterAll(() => installed?.dispose());

test("the archive holds the launcher, the bundled plugin, its own Node.js and the licenses, nothing else", () => {
  const listing = execFileSync("tar", ["-tzvf", installed.archive.file], { encoding: "utf8" }).trim().split("\n");
  const entries = listing.map((line) => ({ mode: line.split(/\s+/)[0], name: line.split(/\s+/).pop() }));
  expect(entries.map((e) => e.name).sort()).toEqual(
    [PLUGIN_EXECUTABLE, "plugin.js", "runtime/", "runtime/node", "THIRD-PARTY-NOTICES.txt", "LICENSE"].sort(),
  );
  for (const executable of [PLUGIN_EXECUTABLE, "runtime/node"])
    expect(entries.find((e) => e.name === executable)!.mode).toMatch(/^-rwxr-xr-x/);
  expect(path.basename(installed.archive.file)).toBe(
    `${PLUGIN_EXECUTABLE}-v${PLUGIN_VERSION}-${targetName(installed.archive.target)}.tar.gz`,
  );
  const notices = fs.readFileSync(path.join(path.dirname(installed.executable), "THIRD-PARTY-NOTICES.txt"), "utf8");
  for (const dependency of ["@pulumi/pulumi", "@grpc/grpc-js", "google-protobuf", ...Object.keys(manifest.dependencies)]) {
    expect(notices).toContain(`${dependency}@`);
  }
  expect(notices).toContain(`runtime/node is Node.js ${manifest.devEngines.runtime.version} (the official build`);
});

test("pulumi plugin install --file puts it where the engine finds it, at the package's version", () => {
  const plugins = JSON.parse(
    execFileSync(path.join(engine.binDir, "pulumi"), ["plugin", "ls", "--json"], {
      encoding: "utf8",
      env: { ...process.env, PULUMI_HOME: installed.pulumiHome, PULUMI_SKIP_UPDATE_CHECK: "true" },
    }),
  );
  expect(plugins).toEqual([expect.objectContaining({ name: PLUGIN_NAME, kind: "resource", version: manifest.version })]);
  expect(fs.statSync(installed.executable).mode & 0o111).not.toBe(0);
});

test("the installed launcher is self-contained: with no Node.js on PATH it serves from an empty directory with no NODE_PATH, and stops on SIGINT", async () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), "taurusdb-plugin-cwd-"));
  try {
    // An empty PATH: the launcher needs /bin/sh (by its shebang) and the Node.js beside it, nothing else.
    const env = { PATH: empty, HOME: empty };
    const child = spawn(installed.executable, ["127.0.0.1:1"], { cwd: empty, env, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const firstLine = await new Promise<string>((resolve, reject) => {
      let stdout = "";
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
        if (stdout.includes("\n")) resolve(stdout.split("\n")[0]);
      });
      child.on("exit", (code) => reject(new Error(`exited ${code} before serving: ${stderr}`)));
    });
    expect(firstLine).toMatch(/^\d+$/);
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(stderr).toBe("");
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
});
