#!/usr/bin/env node
/**
 * `taurusdb-emulator`: runs the emulator from a shell and prints how to reach it — URL, ids, the
 * (fake) credentials, a curl line and SDK environment variables — until Ctrl-C or SIGTERM.
 */
import { parseArgs } from "node:util";
import { Headers } from "../api/wire";
import { startEmulator, type RunningEmulator } from "./emulator";
import { EMULATOR_DEFAULTS, type EmulatorOptions } from "./options";

const USAGE = `Usage: taurusdb-emulator [options]

Runs a local emulator of TaurusDB's ShowInstanceBackups API (and IAM's project lookup).

Options:
  --port <n>            TCP port (default: a free one)
  --host <address>      interface to listen on (default: ${EMULATOR_DEFAULTS.host})
  --backups <n>         backups of the default instance (default: ${EMULATOR_DEFAULTS.backups})
  --seed <n>            seed of the generated ids, credentials and data (default: ${EMULATOR_DEFAULTS.seed})
  --latency-ms <n>      delay before every answer (default: 0)
  --rate-limit <n>      requests per second before answering 429 (default: unlimited)
  --region <name>       region to pretend to be (default: ${EMULATOR_DEFAULTS.region})
  --time-zone <zone>    time zone of the backups, like UTC+08:00 (default: ${EMULATOR_DEFAULTS.timeZone})
  -h, --help            show this help
`;

export class UsageError extends Error {}

/** The emulator options a command line asks for, or undefined for `--help`. */
export function parseCommandLine(argv: readonly string[]): EmulatorOptions | undefined {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        backups: { type: "string" },
        seed: { type: "string" },
        "latency-ms": { type: "string" },
        "rate-limit": { type: "string" },
        region: { type: "string" },
        "time-zone": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const v = parsed.values;
  if (v.help) return undefined;
  const rate = v["rate-limit"] === undefined ? undefined : positiveNumber("--rate-limit", v["rate-limit"]);
  return {
    port: optionalInteger("--port", v.port, 0, 65535),
    host: v.host,
    backups: optionalInteger("--backups", v.backups, 0, 2_000_000),
    seed: optionalInteger("--seed", v.seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
    latencyMs: optionalInteger("--latency-ms", v["latency-ms"], 0, 600_000),
    rateLimit: rate === undefined ? undefined : { requestsPerSecond: rate },
    region: v.region,
    timeZone: v["time-zone"],
  };
}

function optionalInteger(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag} must be an integer from ${min} to ${max}, got ${JSON.stringify(text)}`);
  }
  return value;
}

function positiveNumber(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value <= 0) {
    throw new UsageError(`${flag} must be a number > 0, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** What to print once running. The credentials are fakes that open only this emulator. */
export function banner(emulator: RunningEmulator, backups: number): string {
  const c = emulator.credentials;
  const listUrl = `${emulator.url}/v3/${emulator.projectId}/instances/${emulator.instanceId}/backups?limit=5`;
  return `TaurusDB backups emulator listening on ${emulator.url}

  region          ${emulator.region}
  project id      ${emulator.projectId}
  instance id     ${emulator.instanceId} (${backups} backups)

Credentials (a local fake: they open nothing but this emulator)
  access key      ${c.accessKey}
  secret key      ${c.secretKey}
  auth token      ${c.authToken}
  temporary AK    ${c.temporary.accessKey}
  temporary SK    ${c.temporary.secretKey}
  security token  ${c.temporary.securityToken}

List the first page:
  curl -H "${Headers.authToken}: ${c.authToken}" "${listUrl}"

Point an SDK or this package at it:
  export HUAWEICLOUD_SDK_AK=${c.accessKey}
  export HUAWEICLOUD_SDK_SK=${c.secretKey}
  export HUAWEICLOUD_SDK_PROJECT_ID=${emulator.projectId}
  export HUAWEICLOUD_SDK_IAM_ENDPOINT=${emulator.url}

Press Ctrl-C to stop.
`;
}

async function main(argv: readonly string[]): Promise<void> {
  let options: EmulatorOptions | undefined;
  try {
    options = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`taurusdb-emulator: ${error.message}\nRun taurusdb-emulator --help for the options.\n`);
    process.exitCode = 2;
    return;
  }
  if (!options) {
    process.stdout.write(USAGE);
    return;
  }
  // Listen for signals before anything is printed: whoever reads the banner may signal at once.
  let emulator: RunningEmulator | undefined;
  const stop = (signal: NodeJS.Signals) => {
    process.stdout.write(`\n${signal}: stopping.\n`);
    void (emulator?.close() ?? Promise.resolve()).then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    process.stderr.write(`taurusdb-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  process.stdout.write(banner(emulator, options.backups ?? EMULATOR_DEFAULTS.backups));
}

if (require.main === module) {
  void main(process.argv.slice(2));
}
