// Links this package under its own name inside a node_modules folder, as `npm link` would, so that
// code running below that folder loads `pulumi-taurusdb-backups` (and the dynamic providers'
// `pulumi-taurusdb-backups/dynamic-runtime`) by name from this checkout, as a user's project loads
// it from its own node_modules. The link is relative, so it holds no path of this machine.
// Plain JavaScript: `prepare` runs it before anything is compiled.
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.join(__dirname, "..");
const NAME = "pulumi-taurusdb-backups";

/**
 * Makes `<nodeModules>/pulumi-taurusdb-backups` a link to this checkout. Returns why it did not
 * when the folder is not inside this checkout (a node_modules shared with another checkout through
 * a symlink would send that checkout here), or when a real package is installed there.
 */
function linkSelf(nodeModules) {
  fs.mkdirSync(nodeModules, { recursive: true });
  const realRoot = fs.realpathSync(ROOT);
  const realFolder = fs.realpathSync(nodeModules);
  if (realFolder !== path.join(realRoot, "node_modules") && !realFolder.startsWith(`${realRoot}${path.sep}`)) {
    return `${nodeModules} is ${realFolder}, outside this checkout`;
  }
  const link = path.join(nodeModules, NAME);
  const target = path.relative(realFolder, realRoot) || ".";
  const existing = fs.lstatSync(link, { throwIfNoEntry: false });
  if (existing?.isSymbolicLink() && fs.readlinkSync(link) === target) return undefined;
  if (existing && !existing.isSymbolicLink()) return `${link} is a package installed there, not a link`;
  if (existing) fs.unlinkSync(link);
  fs.symlinkSync(target, link, "dir");
  return undefined;
}

module.exports = { linkSelf, ROOT };
