#!/usr/bin/env node
/**
 * `taurusdb-emulator`: runs the emulator from a shell and prints how to reach it (banner.ts) until
 * Ctrl-C or SIGTERM. Every bad option — unparsable, out of range, or a host or port it cannot
 * listen on — exits with code 2 and a message naming the option.
 */
import { isIP } from "node:net";
import { parseArgs } from "node:util";
import { banner } from "./banner";
import { startEmulator, type RunningEmulator } from "./emulator";
import { requireZoneOffsetMinutes } from "./model/zonedTimestamps";
import { checkRegion, EMULATOR_DEFAULTS, type EmulatorOptions } from "./options";

const USAGE = `Usage: taurusdb-emulator [options]     (in a clone of the package: npx taurusdb-emulator [options])

Runs a local emulator of TaurusDB's backup listing and restore calls (and IAM's project lookup).

Options:
  --port <n>                 TCP port (default: a free one)
  --host <address>           interface to listen on (default: ${EMULATOR_DEFAULTS.host})
  --backups <n>              backups of the default instance (default: ${EMULATOR_DEFAULTS.backups})
  --seed <n>                 seed of the generated ids, credentials and data (default: ${EMULATOR_DEFAULTS.seed})
  --latency-ms <n>           delay before every answer (default: 0)
  --rate-limit <n>           requests per second before answering 429 (default: unlimited)
  --region <name>            region to pretend to be, like cn-north-4 (default: ${EMULATOR_DEFAULTS.region})
  --time-zone <zone>         time zone of the backups, UTC-14:00 to UTC+14:00 (default: ${EMULATOR_DEFAULTS.timeZone})
  --restore-duration-ms <n>  how long a restore job takes (default: ${EMULATOR_DEFAULTS.restoreDurationMs})
  -h, --help                 show this help
`;

export class UsageError extends Error {}

/** Errors of listening that come from the --host or --port given, by error code. */
const HOST_ERRORS = new Set(["EADDRNOTAVAIL", "ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAFNOSUPPORT", "EINVAL"]);
const PORT_ERRORS = new Set(["EADDRINUSE", "EACCES"]);
/** A DNS name: dot-separated labels of letters, digits and inner hyphens. */
const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

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
        "restore-duration-ms": { type: "string" },
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
    host: checked("--host", v.host, checkHost),
    backups: optionalInteger("--backups", v.backups, 0, 2_000_000),
    seed: optionalInteger("--seed", v.seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
    latencyMs: optionalInteger("--latency-ms", v["latency-ms"], 0, 600_000),
    rateLimit: rate === undefined ? undefined : { requestsPerSecond: rate },
    region: checked("--region", v.region, checkRegion),
    timeZone: checked("--time-zone", v["time-zone"], (zone) => (requireZoneOffsetMinutes(zone), zone)),
    restoreDurationMs: optionalInteger("--restore-duration-ms", v["restore-duration-ms"], 0, 3_600_000),
  };
}

/** A value passed through the check the emulator itself makes, its error becoming a usage error. */
function checked(flag: string, text: string | undefined, check: (text: string) => string): string | undefined {
  if (text === undefined) return undefined;
  try {
    return check(text);
  } catch (error) {
    throw new UsageError(`${flag}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** An IP address or a DNS name; dotted digits that are no IPv4 address are refused, not looked up. */
function checkHost(host: string): string {
  if (isIP(host) !== 0 || (HOST_NAME.test(host) && !/^[\d.]+$/.test(host))) return host;
  throw new RangeError(`host must be an IP address or a host name, got ${JSON.stringify(host)}`);
}

/** The usage error a failure to listen amounts to, when the --host or --port given caused it. */
function listenProblem(error: unknown, options: EmulatorOptions): UsageError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined) return undefined;
  const host = options.host ?? EMULATOR_DEFAULTS.host;
  if (HOST_ERRORS.has(code)) return new UsageError(`--host ${host}: cannot listen there (${code})`);
  if (PORT_ERRORS.has(code))
    return new UsageError(`--port ${options.port ?? EMULATOR_DEFAULTS.port}: cannot listen on it at ${host} (${code})`);
  return undefined;
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

async function main(argv: readonly string[]): Promise<void> {
  let options: EmulatorOptions | undefined;
  try {
    options = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    exitWithUsageError(error);
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
    const usage = listenProblem(error, options);
    if (usage) {
      exitWithUsageError(usage);
      return;
    }
    process.stderr.write(`taurusdb-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(banner(emulator));
}

/** Says what is wrong and sets exit code 2; nothing else keeps the process alive, so it ends. */
function exitWithUsageError(error: UsageError): void {
  process.stderr.write(`taurusdb-emulator: ${error.message}\nRun taurusdb-emulator --help for the options.\n`);
  process.exitCode = 2;
}

if (require.main === module) {
  void main(process.argv.slice(2));
}
