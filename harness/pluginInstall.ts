/**
 * The provider plugin as a user gets it: the release's archive for this machine
 * (scripts/release/pluginArchive.ts), installed by the real `pulumi plugin install resource
 * taurusdb <version> --file <archive>` into a Pulumi home of its own, so the engine runs the
 * installed copy and nothing from a user's `~/.pulumi` or PATH.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Engine } from "./engine";
import { workRoot } from "./localStack";
import { hostArchive } from "./release";
import { PLUGIN_EXECUTABLE, PLUGIN_NAME, PLUGIN_VERSION } from "../scripts/release/bundle";
import type { ReleaseTarget } from "../scripts/release/targets";

export interface InstalledPlugin {
  /** The `PULUMI_HOME` it is installed in. */
  readonly pulumiHome: string;
  /** The release archive it was installed from, and its target. */
  readonly archive: { readonly file: string; readonly version: string; readonly target: ReleaseTarget };
  /** The installed launcher, as the engine will start it. */
  readonly executable: string;
  /** Removes the Pulumi home. */
  dispose(): void;
}

/** Where `pulumi plugin install` puts the plugin in a Pulumi home. */
export function pluginDir(pulumiHome: string): string {
  return path.join(pulumiHome, "plugins", `resource-${PLUGIN_NAME}-v${PLUGIN_VERSION}`);
}

export function installPluginFromArchive(engine: Engine, label: string): InstalledPlugin {
  const dir = fs.mkdtempSync(path.join(workRoot(), `plugin-${label}-`));
  const pulumiHome = path.join(dir, "pulumi-home");
  const { file, target } = hostArchive();
  execFileSync(path.join(engine.binDir, "pulumi"), ["plugin", "install", "resource", PLUGIN_NAME, PLUGIN_VERSION, "--file", file], {
    env: { ...process.env, PULUMI_HOME: pulumiHome, PULUMI_SKIP_UPDATE_CHECK: "true" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const executable = path.join(pluginDir(pulumiHome), PLUGIN_EXECUTABLE);
  if (!fs.existsSync(executable))
    throw new Error(`pulumi plugin install did not put ${PLUGIN_EXECUTABLE} where the engine looks: ${executable}`);
  return {
    pulumiHome,
    archive: { file, version: PLUGIN_VERSION, target },
    executable,
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
