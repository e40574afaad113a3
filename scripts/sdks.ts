/**
 * `npm run sdks`: writes `schema.json`, then generates the Python and Go SDKs into `sdk/python` and
 * `sdk/go` with Pulumi's code generators, through the small Go program in `sdkgen/` (`pulumi
 * package gen-sdk` would need each language's host installed), and records the schema's hash in
 * `sdk/schema.sha256` so a test can tell stale SDKs without running Go.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { wantedVersion } from "../harness/engine";
import { repoRoot } from "../harness/repoRoot";
import { schemaText, sha256, SDK_SCHEMA_HASH_FILE, writeSchema } from "./schema";

export const SDK_LANGUAGES = ["python", "go"] as const;

export function generateSdks(log: (line: string) => void = () => undefined): void {
  const root = repoRoot();
  const schemaFile = writeSchema(root);
  if (spawnSync("go", ["version"]).status !== 0) {
    throw new Error("Generating the SDKs needs Go (https://go.dev/dl/), which runs Pulumi's code generators from sdkgen/.");
  }
  const result = spawnSync(
    "go",
    ["run", ".", "-schema", schemaFile, "-out", path.join(root, "sdk"), "-languages", SDK_LANGUAGES.join(",")],
    {
      cwd: path.join(root, "sdkgen"),
      env: { ...process.env, CGO_ENABLED: "0" },
      encoding: "utf8",
      timeout: 1_800_000,
    },
  );
  if (result.status !== 0) throw new Error(`sdkgen failed:\n${(result.stderr || result.stdout || "").trim()}`);
  for (const line of result.stdout.trim().split("\n")) log(line);
  pinGoSdkDependencies(path.join(root, "sdk", "go"));
  fs.writeFileSync(path.join(root, SDK_SCHEMA_HASH_FILE), `${sha256(schemaText())}\n`);
}

/**
 * The generator's go.mod asks for an old Pulumi Go SDK and has no go.sum; the SDK is pinned to the
 * engine's version (the one these SDKs are tested with) and tidied, so `go build` works as cloned.
 */
function pinGoSdkDependencies(moduleDir: string): void {
  const go = (args: string[]) => {
    const run = spawnSync("go", args, { cwd: moduleDir, env: { ...process.env, CGO_ENABLED: "0" }, encoding: "utf8", timeout: 600_000 });
    if (run.status !== 0) throw new Error(`\`go ${args.join(" ")}\` in ${moduleDir} failed:\n${(run.stderr || "").trim()}`);
  };
  go(["get", `github.com/pulumi/pulumi/sdk/v3@v${wantedVersion()}`]);
  go(["mod", "tidy"]);
}

if (require.main === module) {
  try {
    generateSdks((line) => console.log(line));
    console.log(`schema.json and ${SDK_LANGUAGES.map((l) => `sdk/${l}`).join(", ")} are up to date.`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
