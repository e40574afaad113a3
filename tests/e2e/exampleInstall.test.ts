/**
 * The examples install and compile as a user gets them from a fresh clone: after `npm ci` at the
 * root (its node_modules and its build), `npm install` in an example directory installs this
 * checkout's package through `file:../..` as a packed copy (`install-links` in the example's
 * .npmrc) beside the example's own `@pulumi/pulumi`, and the example's tsconfig compiles it.
 *
 * It runs in a copy of the working tree, which keeps `../..` pointing at a checkout: an example's
 * node_modules inside the repository would give the repository's tests a second `@pulumi/pulumi`.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ensureBuilt, ROOT } from "../support/build";
import { npmInstall } from "../support/npm";

jest.setTimeout(240_000);

const EXAMPLES = fs
  .readdirSync(path.join(ROOT, "examples"))
  .filter((name) => fs.existsSync(path.join(ROOT, "examples", name, "package.json")));
const peerRange = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).peerDependencies["@pulumi/pulumi"];

let clone: string;

/** The working tree as a fresh clone would have it after `npm ci`: the files git tracks or would add, the build, node_modules. */
beforeAll(() => {
  ensureBuilt();
  clone = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "taurusdb-examples-")), "repo");
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" })
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    if (fs.existsSync(path.join(ROOT, file))) fs.cpSync(path.join(ROOT, file), path.join(clone, file), { preserveTimestamps: true });
  }
  // Timestamps kept, so the prepare step sees the build as current, as it is after `npm ci`.
  fs.cpSync(path.join(ROOT, "dist"), path.join(clone, "dist"), { recursive: true, preserveTimestamps: true });
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(clone, "node_modules"), "dir");
}, 120_000);
afterAll(() => fs.rmSync(path.dirname(clone), { recursive: true, force: true }));

test("there are examples to check", () => {
  expect(EXAMPLES).toEqual(expect.arrayContaining(["backup-inventory", "restore-latest-backup"]));
});

describe.each(EXAMPLES)("examples/%s", (example) => {
  const dir = () => path.join(clone, "examples", example);

  test("asks for this checkout's package and for @pulumi/pulumi in the package's peer range", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "examples", example, "package.json"), "utf8"));
    expect(manifest.dependencies).toMatchObject({ "pulumi-taurusdb-backups": "file:../..", "@pulumi/pulumi": peerRange });
  });

  test("npm install installs the package as a copy that uses the example's own @pulumi/pulumi, and tsc compiles the example", async () => {
    await npmInstall(dir());
    const installed = path.join(dir(), "node_modules", "pulumi-taurusdb-backups");
    expect(fs.lstatSync(installed).isSymbolicLink()).toBe(false);
    expect(fs.existsSync(path.join(installed, "dist", "provider", "index.js"))).toBe(true);
    const examplePulumi = path.join(dir(), "node_modules", "@pulumi", "pulumi", "index.js");
    expect(require.resolve("@pulumi/pulumi", { paths: [installed] })).toBe(examplePulumi);
    expect(require.resolve("@pulumi/pulumi", { paths: [dir()] })).toBe(examplePulumi);

    execFileSync(process.execPath, [path.join(dir(), "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", "tsconfig.json"], {
      cwd: dir(),
      encoding: "utf8",
    });
  });
});
