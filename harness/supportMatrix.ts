/**
 * The Node.js and `@pulumi/pulumi` pairs the package is tested with, written once. The packed
 * tarball is installed in a fresh project and run through the real engine for each pair
 * (tests/e2e/package.test.ts); package.json's `engines` and peer range, the README's support table
 * and the plugin bundle's target are derived from it or checked against it
 * (tests/unit/harness/supportMatrix.test.ts).
 */
import { nodeRuntime } from "./cache";

export interface SupportedPair {
  /** An exact Node.js version, installed from the npm registry's official build. */
  readonly node: string;
  /** An exact `@pulumi/pulumi` version. */
  readonly pulumi: string;
  /** Why this pair, for the README. */
  readonly why: string;
}

/** The `@pulumi/pulumi` this repository develops with: the newest release when it was last upgraded. */
export const NEWEST_PULUMI: string = require("@pulumi/pulumi/package.json").version;

export function supportMatrix(): readonly SupportedPair[] {
  const developedOn = nodeRuntime().pinnedVersion();
  return [
    {
      node: "20.20.2",
      pulumi: "3.141.0",
      why: "the oldest supported Node.js with the lowest `@pulumi/pulumi` that has everything the package uses",
    },
    { node: "20.20.2", pulumi: "3.248.0", why: "the newest `@pulumi/pulumi` that runs on Node.js 20 (later ones need 22)" },
    { node: "22.23.5", pulumi: NEWEST_PULUMI, why: "the previous LTS with the newest `@pulumi/pulumi`" },
    { node: developedOn, pulumi: NEWEST_PULUMI, why: "the LTS this repository develops and runs its tests on" },
  ];
}

const major = (version: string) => Number(version.split(".")[0]);
const byVersion = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

/** The oldest Node.js major tested: package.json's `engines.node` floor and the plugin bundle's target. */
export function lowestNodeMajor(): number {
  return Math.min(...supportMatrix().map((pair) => major(pair.node)));
}

/** The lowest `@pulumi/pulumi` tested: the floor of package.json's peer range. */
export function lowestPulumi(): string {
  return supportMatrix()
    .map((pair) => pair.pulumi)
    .sort(byVersion)[0];
}
