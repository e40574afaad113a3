/**
 * Packs the provider plugin into a tarball that `pulumi plugin install resource taurusdb <version>
 * --file <tarball>` installs:
 *   - `pulumi-resource-taurusdb`: the plugin as one JavaScript file with a `node` shebang, bundled by
 *     esbuild with everything it needs at run time (the core, `@pulumi/pulumi`, gRPC, axios, zod);
 *   - `THIRD-PARTY-NOTICES.txt`: the license of each bundled package.
 * The same tarball serves every OS with Node.js 20 or later on PATH and a POSIX shell's `env`.
 *
 * `npm run plugin:pack` writes it to `dist/plugin/`; the tests pack into a directory of their own.
 */
import * as esbuild from "esbuild";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { PLUGIN_IDENTITY } from "../provider/plugin/identity";
import { repoRoot } from "../harness/repoRoot";
import { lowestNodeMajor } from "../harness/supportMatrix";

export const PLUGIN_NAME = PLUGIN_IDENTITY.name;
export const PLUGIN_VERSION = PLUGIN_IDENTITY.version;
export const PLUGIN_EXECUTABLE = `pulumi-resource-${PLUGIN_NAME}`;
const NOTICES = "THIRD-PARTY-NOTICES.txt";

export interface PackedPlugin {
  readonly tarball: string;
  readonly version: string;
  /** Files in the tarball, with their sizes in bytes. */
  readonly files: ReadonlyArray<{ name: string; bytes: number }>;
}

/** esbuild's target for the plugin's bundle. */
export const PLUGIN_NODE_TARGET = `node${lowestNodeMajor()}`;

export async function packPlugin(outDir = path.join(repoRoot(), "dist", "plugin")): Promise<PackedPlugin> {
  fs.mkdirSync(outDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(outDir, ".staging-"));
  try {
    const executable = path.join(staging, PLUGIN_EXECUTABLE);
    const build = await esbuild.build({
      entryPoints: [path.join(repoRoot(), "provider", "plugin", "main.ts")],
      outfile: executable,
      bundle: true,
      platform: "node",
      // The oldest Node.js the package is tested on (harness/supportMatrix.ts) runs the plugin too.
      target: PLUGIN_NODE_TARGET,
      format: "cjs",
      minifyWhitespace: true,
      minifySyntax: true,
      banner: { js: "#!/usr/bin/env node" },
      metafile: true,
      logLevel: "error",
      // `@npmcli/run-script` (reached through @pulumi/pulumi's automation code, never run by the
      // plugin) resolves node-gyp's path at call time; nothing needs it bundled.
      logOverride: { "require-resolve-not-external": "silent" },
    });
    fs.chmodSync(executable, 0o755);
    fs.writeFileSync(path.join(staging, NOTICES), thirdPartyNotices(Object.keys(build.metafile.inputs)));

    const tarball = path.join(outDir, `${PLUGIN_EXECUTABLE}-v${PLUGIN_VERSION}.tar.gz`);
    const names = [PLUGIN_EXECUTABLE, NOTICES];
    execFileSync("tar", ["-czf", tarball, "--owner=0", "--group=0", "-C", staging, ...names]);
    return { tarball, version: PLUGIN_VERSION, files: names.map((name) => ({ name, bytes: fs.statSync(path.join(staging, name)).size })) };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Each bundled npm package once, with its license text (or its declared license when it ships no file). */
function thirdPartyNotices(inputs: readonly string[]): string {
  const packageDirs = new Set<string>();
  for (const input of inputs) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packageDirs.add(path.resolve(repoRoot(), match[1]));
  }
  const sections = [...packageDirs].sort().map((dir) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as {
      name: string;
      version: string;
      license?: string;
    };
    const licenseFile = fs.readdirSync(dir).find((file) => /^(licen[sc]e|copying)(\.|$)/i.test(file));
    const text = licenseFile
      ? fs.readFileSync(path.join(dir, licenseFile), "utf8").trim()
      : `License: ${manifest.license ?? "not declared"}`;
    return `${manifest.name}@${manifest.version}\n${"-".repeat(72)}\n${text}\n`;
  });
  return `The ${PLUGIN_EXECUTABLE} bundle contains these packages.\n\n${sections.join("\n")}`;
}

if (require.main === module) {
  packPlugin().then(
    (packed) => {
      console.log(`${packed.tarball} (${(fs.statSync(packed.tarball).size / 1024 / 1024).toFixed(1)} MB)`);
      for (const file of packed.files) console.log(`  ${file.name}  ${(file.bytes / 1024).toFixed(0)} KB`);
      console.log(`Install: pulumi plugin install resource ${PLUGIN_NAME} ${PLUGIN_VERSION} --file ${packed.tarball}`);
    },
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
