/**
 * The package links itself under its own name (scripts/selfLink.js, run by `prepare`), so the root
 * Pulumi.yaml program and the local stacks load it by name, as a user's project does, through a
 * link that holds no path of this machine.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ensureBuilt, ROOT } from "../../support/build";

const { linkSelf } = require(path.join(ROOT, "scripts", "selfLink.js")) as { linkSelf(nodeModules: string): string | undefined };

test("after prepare, the repository's node_modules links the package by a relative link, and its runtime resolves by name", () => {
  ensureBuilt();
  const link = path.join(ROOT, "node_modules", "pulumi-taurusdb-backups");
  expect(fs.readlinkSync(link)).toBe("..");
  expect(require.resolve("pulumi-taurusdb-backups/dynamic-runtime", { paths: [ROOT] })).toBe(
    path.join(fs.realpathSync(ROOT), "dist", "provider", "resources", "runtime.js"),
  );
});

test("a node_modules folder outside the checkout is left alone, with the reason", () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), "taurusdb-link-"));
  try {
    expect(linkSelf(outside)).toMatch(/outside this checkout/);
    expect(fs.readdirSync(outside)).toEqual([]);
  } finally {
    fs.rmSync(outside, { recursive: true, force: true });
  }
});

test("a node_modules folder reached through a symlink from outside is left alone too", () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), "taurusdb-link-"));
  const inside = path.join(ROOT, ".pulumi-work", `shared-node-modules-${process.pid}`);
  fs.mkdirSync(path.dirname(inside), { recursive: true });
  fs.symlinkSync(outside, inside, "dir");
  try {
    expect(linkSelf(inside)).toMatch(/outside this checkout/);
    expect(fs.readdirSync(outside)).toEqual([]);
  } finally {
    fs.unlinkSync(inside);
    fs.rmSync(outside, { recursive: true, force: true });
  }
});
