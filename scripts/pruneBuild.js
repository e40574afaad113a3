#!/usr/bin/env node
// Removes compiled files whose TypeScript source is gone (moved or deleted): tsc's incremental
// build never deletes an output, so without this a stale dist/ would keep, and `npm pack` ship,
// modules that no longer exist in the sources. Run after every build (`npm run build`, prepare.js).
// Plain JavaScript: prepare.js runs it before anything else is compiled.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.join(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const OUTPUT = /(\.d\.ts\.map|\.d\.ts|\.js\.map|\.js)$/;

/** Deletes outputs under dist/ without a source; returns how many. */
function pruneBuild() {
  let pruned = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(file);
        if (fs.readdirSync(file).length === 0) fs.rmdirSync(file);
        continue;
      }
      // dist/plugin holds the packed plugin, not compiled sources.
      if (!OUTPUT.test(entry.name) || file.startsWith(path.join(DIST, "plugin") + path.sep)) continue;
      const source = path.join(ROOT, path.relative(DIST, file).replace(OUTPUT, ".ts"));
      if (!fs.existsSync(source)) {
        fs.rmSync(file);
        pruned++;
      }
    }
  };
  if (fs.existsSync(DIST)) walk(DIST);
  return pruned;
}

module.exports = { pruneBuild };

if (require.main === module) pruneBuild();
