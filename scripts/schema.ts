/**
 * The package schema as a file: `schema.json` at the repository root, built from the plugin's
 * package description (provider/plugin/package.ts) exactly as the plugin's `GetSchema` answers.
 * The SDK generator reads this file; `sdk/schema.sha256` records which version of it the committed
 * SDKs were generated from.
 *
 * `npm run schema` writes it.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { taurusDbPackage } from "../provider/plugin/package";
import { buildSchema } from "../provider/plugin/schema";
import { repoRoot } from "./localStack";

export const SCHEMA_FILE = "schema.json";
/** Beside the generated SDKs: the hash of the schema they were generated from. */
export const SDK_SCHEMA_HASH_FILE = path.join("sdk", "schema.sha256");

export function schemaText(): string {
  return `${JSON.stringify(buildSchema(taurusDbPackage.description), null, 2)}\n`;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function writeSchema(root = repoRoot()): string {
  const file = path.join(root, SCHEMA_FILE);
  fs.writeFileSync(file, schemaText());
  return file;
}

if (require.main === module) {
  console.log(`wrote ${writeSchema()}`);
}
