/**
 * A Pulumi YAML program (`runtime: yaml`) as a stack on this machine, through the Automation API's
 * LocalWorkspace: the real engine runs the program with the YAML language host (./yamlLanguageHost.ts)
 * on its PATH, a local file backend, a passphrase secrets provider, and a Pulumi home of the
 * caller's choosing (one with the provider plugin installed, see ./pluginInstall.ts).
 */
import * as auto from "@pulumi/pulumi/automation";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { ensureEngine } from "./engine";
import { localEngineEnv, localStackHandle, workRoot, type LocalStack } from "./localStack";
import { ensureYamlLanguageHost } from "./yamlLanguageHost";

export interface YamlStackOptions {
  /** Project name; also names the workspace directory. */
  readonly project: string;
  /** The program: everything in Pulumi.yaml after `name`, `runtime` and `backend` (config, variables, resources, outputs). */
  readonly program: string;
  readonly pulumiHome: string;
  readonly config?: auto.ConfigMap;
  /** Other files of the program's folder, by name (a package declaration beside Pulumi.yaml). */
  readonly files?: Readonly<Record<string, string>>;
  /** The engine's environment over the local one (./localStack.ts), e.g. a PATH of its own. */
  readonly env?: Readonly<Record<string, string>>;
}

export async function createYamlStack(options: YamlStackOptions): Promise<LocalStack> {
  const engine = ensureEngine();
  const yamlHost = ensureYamlLanguageHost();
  const workDir = path.join(workRoot(), `${options.project}-${randomBytes(4).toString("hex")}`);
  const stateDir = path.join(workDir, "state");
  fs.mkdirSync(stateDir, { recursive: true });
  fs.writeFileSync(
    path.join(workDir, "Pulumi.yaml"),
    [`name: ${options.project}`, "runtime: yaml", "backend:", `  url: file://${stateDir}`, options.program.trim(), ""].join("\n"),
  );
  for (const [name, text] of Object.entries(options.files ?? {})) fs.writeFileSync(path.join(workDir, name), text);

  const pulumiCommand = await auto.PulumiCommand.get({ root: engine.root, skipVersionCheck: true });
  const stack = await auto.LocalWorkspace.createOrSelectStack(
    { stackName: "dev", workDir },
    {
      pulumiCommand,
      pulumiHome: options.pulumiHome,
      secretsProvider: "passphrase",
      envVars: { ...localEngineEnv([engine.binDir, yamlHost.binDir]), ...options.env },
    },
  );
  if (options.config) await stack.setAllConfig(options.config);

  return localStackHandle(stack, engine, workDir, options.project);
}
