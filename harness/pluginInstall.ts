/**
 * The provider plugin as a user gets it: packed into its tarball (./packPlugin.ts) and installed by
 * the real `pulumi plugin install resource taurusdb <version> --file <tarball>` into a Pulumi home
 * of its own, so the engine runs the installed copy and nothing from a user's `~/.pulumi` or PATH.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Engine } from "./engine";
import { workRoot } from "./localStack";
import { packPlugin, PLUGIN_EXECUTABLE, PLUGIN_NAME, PLUGIN_VERSION, type PackedPlugin } from "../scripts/packPlugin";

export interface InstalledPlugin {
  /** The `PULUMI_HOME` it is installed in. */
  readonly pulumiHome: string;
  readonly packed: PackedPlugin;
  /** The installed executable, as the engine will start it. */
  readonly executable: string;
  /** Removes the Pulumi home and the tarball. */
  dispose(): void;
}

export async function installPluginFromTarball(engine: Engine, label: string): Promise<InstalledPlugin> {
  const dir = fs.mkdtempSync(path.join(workRoot(), `plugin-${label}-`));
  const pulumiHome = path.join(dir, "pulumi-home");
  const packed = await packPlugin(path.join(dir, "tarball"));
  execFileSync(
    path.join(engine.binDir, "pulumi"),
    ["plugin", "install", "resource", PLUGIN_NAME, PLUGIN_VERSION, "--file", packed.tarball],
    {
      env: { ...process.env, PULUMI_HOME: pulumiHome, PULUMI_SKIP_UPDATE_CHECK: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const executable = path.join(pulumiHome, "plugins", `resource-${PLUGIN_NAME}-v${PLUGIN_VERSION}`, PLUGIN_EXECUTABLE);
  if (!fs.existsSync(executable))
    throw new Error(`pulumi plugin install did not put ${PLUGIN_EXECUTABLE} where the engine looks: ${executable}`);
  return { pulumiHome, packed, executable, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
