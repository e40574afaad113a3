/**
 * What follows from the support matrix (harness/supportMatrix.ts), checked against where it is
 * written for npm and for people: package.json's `engines` and peer range, and its `devEngines`.
 * The plugin bundle's target follows the release archives' Node.js instead, checked here too. The
 * matrix itself runs in tests/e2e/package.test.ts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { lowestNodeMajor, lowestPulumi, NEWEST_PULUMI, supportMatrix } from "../../../harness/supportMatrix";
import { PLUGIN_NODE_TARGET } from "../../../scripts/release/bundle";
import { releaseTargets } from "../../../scripts/release/targets";
import { ROOT } from "../../support/build";

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

test("engines.node starts at the oldest Node.js major of the matrix", () => {
  expect(manifest.engines.node).toBe(`>=${lowestNodeMajor()}`);
});

test("the @pulumi/pulumi peer range starts at the lowest version of the matrix and stays within major 3", () => {
  expect(manifest.peerDependencies["@pulumi/pulumi"]).toBe(`>=${lowestPulumi()} <4.0.0`);
});

test("the matrix ends with the Node.js this repository develops on (devEngines) and the @pulumi/pulumi it installs", () => {
  const last = supportMatrix().at(-1)!;
  expect(last).toMatchObject({ node: manifest.devEngines.runtime.version, pulumi: NEWEST_PULUMI });
  expect(manifest.devDependencies["@pulumi/pulumi"]).toBe(`^${NEWEST_PULUMI}`);
});

test("every pair is exact versions, and each Node.js major of the matrix appears", () => {
  for (const pair of supportMatrix()) expect([pair.node, pair.pulumi].every((v) => /^\d+\.\d+\.\d+$/.test(v))).toBe(true);
  expect([...new Set(supportMatrix().map((pair) => Number(pair.node.split(".")[0])))]).toEqual([20, 22, 24]);
});

test("the plugin is bundled for the Node.js its release archives carry, the major this repository develops on, not the matrix's oldest", () => {
  // The npm package runs on the user's Node.js (the matrix); the plugin only ever on the one in its archive.
  const developedOn = Number(manifest.devEngines.runtime.version.split(".")[0]);
  expect(releaseTargets().map((target) => Number(target.runtime.version.split(".")[0]))).toEqual(releaseTargets().map(() => developedOn));
  expect(PLUGIN_NODE_TARGET).toBe(`node${developedOn}`);
});
