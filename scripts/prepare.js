#!/usr/bin/env node
// `npm install` runs this (the `prepare` script), and so do `npm pack` and an example's install of
// this checkout. It compiles only when a source file is newer than the last build, so the second
// time costs milliseconds instead of a TypeScript build; then it links the package under its own
// name in node_modules (see ./selfLink.js), so the root Pulumi.yaml program finds it by name.
// Plain JavaScript: it runs first.
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { pruneBuild } = require("./pruneBuild");
const { linkSelf, ROOT: root } = require("./selfLink");

const buildInfo = path.join(root, "dist", ".tsbuildinfo");

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(file).mtimeMs);
  }
  return newest;
}

// What the build compiles, as tsconfig.build.json lists it (folders, and single files).
const buildConfig = path.join(root, "tsconfig.build.json");
const sources = JSON.parse(fs.readFileSync(buildConfig, "utf8")).include.map((entry) => {
  const file = path.join(root, entry);
  return fs.statSync(file).isDirectory() ? newestSource(file) : fs.statSync(file).mtimeMs;
});
const built = fs.existsSync(buildInfo) ? fs.statSync(buildInfo).mtimeMs : 0;
if (Math.max(...sources, fs.statSync(buildConfig).mtimeMs) > built) {
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(root, "tsconfig.build.json")], {
    stdio: "inherit",
  });
  pruneBuild();
}

const notLinked = linkSelf(path.join(root, "node_modules"));
if (notLinked) console.warn(`prepare: pulumi-taurusdb-backups is not linked into node_modules (${notLinked}).`);
