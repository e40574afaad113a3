/**
 * The seam between the plugin and the package's core: the only file in `provider/plugin/` that
 * imports the rest of `provider/` (besides ./identity.ts). The plugin runs the same core as the
 * dynamic providers: the same settings, validation and listing for `getInstanceBackups`, and the
 * same provider objects for `LatestCompletedBackup` and `InstanceRestore`, built for a host whose
 * stack config is the plugin's provider configuration. Everything else in the plugin sees only
 * {@link PluginPackage}.
 */
import type * as pulumi from "@pulumi/pulumi";
import { ARGUMENTS, CONFIG_NAMESPACE, CREDENTIAL_ENV_FAMILIES, namesOf, type ArgumentName } from "../arguments/catalogue";
import { RESTORE_SECRET_NAMES } from "../restore/arguments";
import { InvalidArgumentsError } from "../errors";
import { listInstanceBackups } from "../listing";
import { UNKNOWN as CORE_UNKNOWN } from "../dynamic/inputs";
import { latestCompletedBackupProvider } from "../resources/latestCompletedBackupProvider";
import { LATEST_COMPLETED_BACKUP_COMPUTED } from "../resources/latestCompletedBackupState";
import { INSTANCE_RESTORE_COMPUTED } from "../restore/state";
import { instanceRestoreProvider } from "../restore/instanceRestoreProvider";
import { PartialStateError } from "../dynamic/partialState";
import { Redactor } from "../http/redact";
import { engineAddress, engineLogSink, providerLog, sinkReporter, type LogSink } from "../dynamic/engineLog";
import type { ProviderHost } from "../dynamic/providerHost";
import { mergeSettings } from "../settings/merge";
import type { SettingSources } from "../settings/sources";
import { topLevelName } from "../validation/issues";
import { credentialIssues, valueIssues } from "../validation/validate";
import schema from "../../schema.json";
import { Cancellation } from "./cancellation";
import { PLUGIN_IDENTITY } from "./identity";
import { currentUrn } from "./logContext";

/** A dynamic-provider object, as the core implements each resource. */
export type CoreResourceProvider = pulumi.dynamic.ResourceProvider;

/** Reads one configuration key (without the `taurusdb:` prefix). */
export type ConfigReader = (key: string) => string | undefined;

/** One problem with one argument or configuration key; the problem never quotes a secret. */
export interface Issue {
  readonly key: string;
  readonly problem: string;
}

export interface PluginPackage {
  readonly name: string;
  readonly version: string;
  /** The package schema, as `GetSchema` answers it (schema.json, generated from the catalogue). */
  readonly schema: string;
  /** Names of the provider configuration keys (`taurusdb:<key>`). */
  readonly configKeys: readonly string[];
  /** Arguments that are credentials: always secret, never in a resource's outputs. */
  readonly credentialKeys: readonly string[];
  /** Problems with the values of a provider configuration (absent values are not problems: the environment may supply them). */
  configIssues(config: Readonly<Record<string, string>>): Issue[];
  /** Takes the provider configuration the engine handed over. */
  configure(config: ConfigReader): void;
  /** `getInstanceBackups`: lists with the given arguments; settings not given come from the configuration, then the environment. */
  listBackups(args: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** The engine's Cancel, which every listing of the plugin listens to. */
  readonly cancellation: Cancellation;
  /** The issues of an error that reports invalid arguments, or undefined for any other error. */
  argumentIssues(error: unknown): Issue[] | undefined;
  /** The package's resources, each over the core's provider object for it. */
  readonly resources: readonly ResourceBinding[];
  /** What a core operation recorded before it stopped (see `PartialStateError`); undefined for any other error. */
  partialStateOf(error: unknown): PartialState | undefined;
}

export interface ResourceBinding {
  /** The resource's name in the `index` module, e.g. `LatestCompletedBackup`. */
  readonly name: string;
  readonly provider: CoreResourceProvider;
  /** How the core object expects a value that is not known yet (the dynamic-provider convention). */
  readonly unknownPlaceholder: string;
  /** Outputs the core object computes, as opposed to inputs it echoes. */
  readonly computedOutputs: readonly string[];
  /** The resource's own secret inputs besides credentials (a password): secret wherever they appear. */
  readonly secretInputs: readonly string[];
}

/** A create or update that changed the cloud but did not finish, in plain values. */
export interface PartialState {
  readonly message: string;
  readonly id: string;
  readonly properties: Record<string, unknown>;
  readonly reasons: readonly string[];
}

const CONFIG_KEYS: readonly ArgumentName[] = namesOf("connection", "credential");

let configuration: ConfigReader = () => undefined;
const cancellation = new Cancellation();
/** The plugin's settings: its provider configuration as `taurusdb:*` stack config, and its environment. */
const sources = (): SettingSources => ({
  stackConfig: (key) => (key.startsWith(`${CONFIG_NAMESPACE}:`) ? configuration(key.slice(CONFIG_NAMESPACE.length + 1)) : undefined),
  env: process.env,
});

/** Every credential the plugin can know of beyond a call's own inputs: its configuration's and its environment's. */
function knownCredentials(): string[] {
  const credentialKeys = CONFIG_KEYS.filter((key) => ARGUMENTS[key].kind === "credential");
  const fromEnv = CREDENTIAL_ENV_FAMILIES.flatMap((family) => Object.values(family).map((name) => process.env[name!]));
  return [...credentialKeys.map((key) => configuration(key)), ...fromEnv].filter((value): value is string => !!value);
}

/**
 * The engine's log (its address is the plugin's last argument), each line attached to the resource
 * being served. The core's lines hold no secret; a line is redacted once more all the same, against
 * the credentials of the configuration and the environment, so none can reach the engine's output.
 */
const engineSink = engineLogSink(engineAddress(), currentUrn);
const logSink: LogSink = (line) => engineSink({ ...line, message: Redactor.of(knownCredentials()).text(line.message) });
const reporter = sinkReporter(logSink);
const host: ProviderHost = { sources, log: providerLog(logSink), reporter, now: Date.now, signal: cancellation.signal };

function configIssues(config: Readonly<Record<string, string>>): Issue[] {
  const unknown = Object.keys(config).filter((key) => !(CONFIG_KEYS as readonly string[]).includes(key));
  const merged = mergeSettings({}, { stackConfig: (key) => config[key.slice(CONFIG_NAMESPACE.length + 1)], env: {} });
  const keyOf = (origin: string) => origin.replace(/^stack config \w+:/, "");
  return [
    ...unknown.map((key) => ({ key, problem: `is not a ${CONFIG_NAMESPACE} configuration key (known: ${CONFIG_KEYS.join(", ")})` })),
    // Only what is given: settings left out may come from the environment.
    ...valueIssues(merged, CONFIG_KEYS).map((issue) => ({ key: keyOf(issue.argument), problem: issue.problem })),
    // A set problem belongs to no one key: it is reported without one.
    ...(merged.credentialSource
      ? credentialIssues(merged).map((issue) => ({ key: "", problem: `${issue.argument}: ${issue.problem}` }))
      : []),
  ];
}

/** The issues of an {@link InvalidArgumentsError}, keyed by top-level argument; undefined for any other error. */
function argumentIssues(error: unknown): Issue[] | undefined {
  if (!(error instanceof InvalidArgumentsError)) return undefined;
  return error.issues.map((issue) => ({ key: topLevelName(issue.argument), problem: issue.problem }));
}

async function listBackups(args: Record<string, unknown>): Promise<Record<string, unknown>> {
  return { ...(await listInstanceBackups(args, { sources: sources(), signal: cancellation.signal, reporter })) };
}

export const taurusDbPackage: PluginPackage = {
  ...PLUGIN_IDENTITY,
  schema: JSON.stringify(schema),
  configKeys: CONFIG_KEYS,
  credentialKeys: CONFIG_KEYS.filter((key) => ARGUMENTS[key].kind === "credential"),
  configIssues,
  configure: (config) => void (configuration = config),
  listBackups,
  cancellation,
  argumentIssues,
  resources: [
    {
      name: "LatestCompletedBackup",
      provider: latestCompletedBackupProvider(host),
      unknownPlaceholder: CORE_UNKNOWN,
      computedOutputs: LATEST_COMPLETED_BACKUP_COMPUTED,
      secretInputs: [],
    },
    {
      name: "InstanceRestore",
      provider: instanceRestoreProvider(host),
      unknownPlaceholder: CORE_UNKNOWN,
      computedOutputs: INSTANCE_RESTORE_COMPUTED,
      secretInputs: RESTORE_SECRET_NAMES,
    },
  ],
  partialStateOf: (error) =>
    error instanceof PartialStateError
      ? { message: error.message, id: error.id, properties: { ...error.properties }, reasons: error.reasons }
      : undefined,
};
