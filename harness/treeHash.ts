import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/** A hash of every file under `dir` (paths and contents), in a stable order. */
export function treeHash(dir: string): string {
  const hash = createHash("sha256");
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "__pycache__") walk(file);
      } else {
        hash.update(path.relative(dir, file)).update("\0").update(fs.readFileSync(file)).update("\0");
      }
    }
  };
  walk(dir);
  return hash.digest("hex");
}
