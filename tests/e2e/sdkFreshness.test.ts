/**
 * schema.json and the generated SDKs are what the plugin's package description makes today, told
 * without running Go: schema.json is rebuilt here and compared, and sdk/schema.sha256 records the
 * schema the committed SDKs were generated from. `pulumi schema check` finds nothing wrong with it
 * (the Registry's own check). Then the Go SDK is compiled (the Python SDK is built into a wheel,
 * installed and run by pythonProgram.test.ts).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { goEnv } from "../../harness/goEnv";
import { GO_SDK_DIR } from "../../harness/goModules";
import { PLUGIN_NAME, PLUGIN_VERSION } from "../../scripts/release/bundle";
import { ensureEngine } from "../../harness/engine";
import { goModulePath, pluginDownloadUrl } from "../../scripts/release/repository";
import { SCHEMA_FILE, schemaText, SDK_SCHEMA_HASH_FILE, sha256 } from "../../scripts/schema";

jest.setTimeout(600_000);

const ROOT = path.join(__dirname, "..", "..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

test("schema.json is the schema the plugin serves (else run `npm run schema`, or `npm run sdks`)", () => {
  expect(read(SCHEMA_FILE)).toBe(schemaText());
});

test("the committed SDKs were generated from this schema.json (else run `npm run sdks`)", () => {
  expect(read(SDK_SCHEMA_HASH_FILE).trim()).toBe(sha256(read(SCHEMA_FILE)));
});

test("both SDKs ask the engine for this plugin at this version, from the release location", () => {
  for (const file of ["sdk/python/pulumi_taurusdb/pulumi-plugin.json", "sdk/go/taurusdb/pulumi-plugin.json"]) {
    expect(JSON.parse(read(file))).toEqual({ resource: true, name: PLUGIN_NAME, version: PLUGIN_VERSION, server: pluginDownloadUrl() });
  }
});

test("the Go SDK's module path is the one derived from package.json's repository", () => {
  expect(read(path.join(GO_SDK_DIR, "go.mod")).split("\n")[0]).toBe(`module ${goModulePath()}`);
});

test("pulumi schema check passes on schema.json", async () => {
  const check = spawnSync(path.join(ensureEngine().binDir, "pulumi"), ["schema", "check", SCHEMA_FILE], {
    cwd: ROOT,
    env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
    encoding: "utf8",
  });
  expect({ status: check.status, output: `${check.stdout}${check.stderr}`.trim() }).toEqual({ status: 0, output: "" });
});

test("the Go SDK compiles and passes go vet", () => {
  if (spawnSync("go", ["version"]).status !== 0) throw new Error("Go is needed to check the Go SDK: install it from https://go.dev/dl/.");
  const vet = spawnSync("go", ["vet", "./..."], { cwd: path.join(ROOT, GO_SDK_DIR), env: goEnv(), encoding: "utf8" });
  // Judged by the exit code and by what vet reports (a file position), not by an empty stderr:
  // Go may also print download or toolchain notes there.
  expect({ status: vet.status, findings: vet.stderr.split("\n").filter((line) => /\.go:\d+/.test(line)) }).toEqual({
    status: 0,
    findings: [],
  });
});
