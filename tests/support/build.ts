/**
 * Tests that run compiled code (a command line, `npm pack`) build first through the `prepare` step,
 * which compiles only when a source is newer than the last build: `npm test` has built already, and
 * a test run alone still sees its latest sources.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";

export const ROOT = path.join(__dirname, "..", "..");

export function ensureBuilt(): void {
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "prepare.js")], { cwd: ROOT, stdio: "inherit" });
}
