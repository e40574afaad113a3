/**
 * `npm pack` gives a working package: the tarball holds the compiled library, its declarations and
 * the emulator's command, and each export resolves from a project that installed it.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PACKAGE_VERSION } from "../../provider/version";

const ROOT = path.join(__dirname, "..", "..");
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

let project: string;
beforeAll(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), "taurusdb-pack-"));
  const [{ filename }] = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", project], { cwd: ROOT, encoding: "utf8" }));
  const installed = path.join(project, "node_modules", "pulumi-taurusdb-backups");
  fs.mkdirSync(installed, { recursive: true });
  execFileSync("tar", ["-xzf", path.join(project, filename), "-C", installed, "--strip-components=1"]);
  // The package's dependencies, as `npm install` would have put them beside it.
  for (const dependency of Object.keys(manifest.dependencies)) {
    const target = path.join(project, "node_modules", dependency);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.symlinkSync(path.join(ROOT, "node_modules", dependency), target, "dir");
  }
}, 120_000);
afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

function run(code: string): string {
  return execFileSync(process.execPath, ["-e", code], { cwd: project, encoding: "utf8" }).trim();
}

test("the tarball holds the compiled library and nothing from the repository's tooling", () => {
  const files = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json"], { cwd: ROOT, encoding: "utf8" }))[0].files.map((f: { path: string }) => f.path);
  expect(files).toEqual(expect.arrayContaining(["package.json", "README.md", "dist/provider/index.js", "dist/provider/index.d.ts", "dist/provider/emulator/cli.js"]));
  expect(files.filter((f: string) => !f.startsWith("dist/provider/") && !["package.json", "README.md"].includes(f))).toEqual([]);
});

test("every export resolves from a project that installed it", () => {
  expect(run('const p = require("pulumi-taurusdb-backups"); console.log(typeof p.getInstanceBackups, typeof p.getInstanceBackupsOutput, typeof p.InstanceBackups, typeof p.LatestCompletedBackup, typeof p.TaurusDbApiError)')).toBe(
    "function function function function function",
  );
  expect(run('console.log(typeof require("pulumi-taurusdb-backups/emulator").startEmulator)')).toBe("function");
  // The module the serialized dynamic providers load by name at run time.
  expect(run('const r = require("pulumi-taurusdb-backups/dynamic-runtime"); console.log(typeof r.instanceBackups.read, typeof r.latestCompletedBackup.create)')).toBe("function function");
  expect(run('console.log(require("pulumi-taurusdb-backups/package.json").version)')).toBe(manifest.version);
});

test("the emulator's command runs from the installed package", () => {
  const help = execFileSync(process.execPath, [path.join(project, "node_modules/pulumi-taurusdb-backups", manifest.bin["taurusdb-emulator"]), "--help"], { encoding: "utf8" });
  expect(help).toMatch(/^Usage: taurusdb-emulator/);
});

test("the User-Agent version is the package's", () => {
  expect(PACKAGE_VERSION).toBe(manifest.version);
});
