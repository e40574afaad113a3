import * as fs from "node:fs";
import * as path from "node:path";

/** This checkout's root: the nearest folder above this file whose package.json is this package's (it works from `dist/` too). */
export function repoRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, "utf8")).name === "pulumi-taurusdb-backups") return dir;
  }
  throw new Error(`cannot find the pulumi-taurusdb-backups package above ${__dirname}`);
}
