/**
 * The provider plugin as one JavaScript file, bundled by esbuild with everything it needs at run
 * time (the core, `@pulumi/pulumi`, gRPC, axios, zod), and the licenses of what it bundles. Every
 * release archive carries the same bundle beside its own Node.js (./pluginArchive.ts), so it is
 * compiled for the Node.js major the archives carry, not for the oldest one the npm package supports.
 */
import * as esbuild from "esbuild";
import * as fs from "node:fs";
import * as path from "node:path";
import { PLUGIN_IDENTITY } from "../../provider/plugin/identity";
import { repoRoot } from "../../harness/repoRoot";
import { runtimeMajor } from "./targets";

export const PLUGIN_NAME = PLUGIN_IDENTITY.name;
export const PLUGIN_VERSION = PLUGIN_IDENTITY.version;
/** What the engine starts: `pulumi-resource-<name>` (`.cmd` on Windows). */
export const PLUGIN_EXECUTABLE = `pulumi-resource-${PLUGIN_NAME}`;

/** esbuild's target for the plugin's bundle: the Node.js its archives carry. */
export const PLUGIN_NODE_TARGET = `node${runtimeMajor()}`;

export interface PluginBundle {
  /** The plugin, one CommonJS file. */
  readonly js: Buffer;
  /** Each bundled npm package once, with its license. */
  readonly notices: string;
}

export async function bundlePlugin(): Promise<PluginBundle> {
  const build = await esbuild.build({
    entryPoints: [path.join(repoRoot(), "provider", "plugin", "main.ts")],
    absWorkingDir: repoRoot(),
    outfile: "plugin.js",
    write: false,
    bundle: true,
    platform: "node",
    target: PLUGIN_NODE_TARGET,
    format: "cjs",
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    logLevel: "error",
    // `@npmcli/run-script` (reached through @pulumi/pulumi's automation code, never run by the
    // plugin) resolves node-gyp's path at call time; nothing needs it bundled.
    logOverride: { "require-resolve-not-external": "silent" },
  });
  return { js: Buffer.from(build.outputFiles[0].contents), notices: thirdPartyNotices(Object.keys(build.metafile.inputs)) };
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
    return noticeSection(`${manifest.name}@${manifest.version}`, text);
  });
  return `The ${PLUGIN_EXECUTABLE} bundle (plugin.js) contains these packages.\n\n${sections.join("\n")}`;
}

/** One titled license text, as THIRD-PARTY-NOTICES.txt lists them. */
export function noticeSection(title: string, text: string): string {
  return `${title}\n${"-".repeat(72)}\n${text.trim()}\n`;
}
