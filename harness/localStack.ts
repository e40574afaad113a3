/**
 * A Pulumi stack that runs an inline program through the real engine, on this machine only: a local
 * file backend, a passphrase secrets provider, no update checks and no plugin downloads. Used by the
 * end-to-end tests and the demo.
 *
 * Workspaces live under `.pulumi-work/` in the repository, beside a `node_modules` that links this
 * package under its own name: the engine starts the dynamic provider in the workspace directory, and
 * from there it finds `@pulumi/pulumi` and `pulumi-taurusdb-backups` as it would in a user's project.
 */
import * as auto from "@pulumi/pulumi/automation";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { ensureEngine, type Engine } from "./engine";
import { repoRoot } from "./repoRoot";

export interface LocalStackOptions {
  /** Project name; also names the workspace directory. */
  readonly project: string;
  readonly program: auto.PulumiFn;
  /** Stack config, e.g. `{ "taurusdb:endpoint": { value: url } }`. */
  readonly config?: auto.ConfigMap;
  /** Environment of the engine and of the provider processes it starts. */
  readonly env?: Record<string, string>;
}

export interface LocalStack {
  readonly stack: auto.Stack;
  readonly workDir: string;
  readonly engine: Engine;
  /** The stack's state file, as the engine last wrote it. */
  readState(): string;
  /** Removes the stack and its workspace directory. */
  dispose(): Promise<void>;
}

export const PASSPHRASE = "local-only-passphrase";

/** Stack config that points the `taurusdb` settings at an emulator, credentials as secrets. */
export function emulatorConfig(
  emulator: { url: string; projectId: string; credentials: { accessKey: string; secretKey: string } },
  overrides: { secretKey?: string } = {},
): auto.ConfigMap {
  return {
    "taurusdb:endpoint": { value: emulator.url },
    "taurusdb:projectId": { value: emulator.projectId },
    "taurusdb:accessKey": { value: emulator.credentials.accessKey, secret: true },
    "taurusdb:secretKey": { value: overrides.secretKey ?? emulator.credentials.secretKey, secret: true },
  };
}

/**
 * `.pulumi-work/`, with `node_modules/pulumi-taurusdb-backups` linking back to the repository: the
 * same link `npm install` makes in the repository's own node_modules (scripts/selfLink.js), made
 * here too because that node_modules may be another checkout's, shared through a symlink.
 */
export function workRoot(): string {
  const root = path.join(repoRoot(), ".pulumi-work");
  const { linkSelf } = require(path.join(repoRoot(), "scripts", "selfLink.js")) as { linkSelf(nodeModules: string): string | undefined };
  const notLinked = linkSelf(path.join(root, "node_modules"));
  if (notLinked) throw new Error(`cannot link pulumi-taurusdb-backups for the local stacks: ${notLinked}`);
  return root;
}

export async function createLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const engine = ensureEngine();
  const root = workRoot();
  const workDir = path.join(root, `${options.project}-${randomBytes(4).toString("hex")}`);
  const stateDir = path.join(workDir, "state");
  fs.mkdirSync(stateDir, { recursive: true });

  const pulumiCommand = await auto.PulumiCommand.get({ root: engine.root, skipVersionCheck: true });
  const stack = await auto.LocalWorkspace.createOrSelectStack(
    { stackName: "dev", projectName: options.project, program: options.program },
    {
      workDir,
      pulumiCommand,
      pulumiHome: path.join(root, "pulumi-home"),
      secretsProvider: "passphrase",
      projectSettings: { name: options.project, runtime: "nodejs", backend: { url: `file://${stateDir}` } },
      envVars: { ...localEngineEnv([engine.binDir]), ...options.env },
    },
  );
  if (options.config) await stack.setAllConfig(options.config);

  return localStackHandle(stack, engine, workDir, options.project);
}

/**
 * The engine's environment for a local stack: the passphrase, no update checks and no plugin
 * downloads, and `binDirs` (the engine's, a language host's) first on PATH.
 */
export function localEngineEnv(binDirs: readonly string[]): Record<string, string> {
  return {
    PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
    PATH: [...binDirs, process.env.PATH ?? ""].join(path.delimiter),
  };
}

/** A stack whose file backend is `<workDir>/state`, with its state file and clean-up. */
export function localStackHandle(stack: auto.Stack, engine: Engine, workDir: string, project: string): LocalStack {
  return {
    stack,
    workDir,
    engine,
    readState: () => fs.readFileSync(path.join(workDir, "state", ".pulumi", "stacks", project, "dev.json"), "utf8"),
    async dispose() {
      await stack.workspace.removeStack("dev", { force: true }).catch(() => undefined);
      fs.rmSync(workDir, { recursive: true, force: true });
    },
  };
}
