/**
 * The command line of `taurusdb-emulator`: its usage text, and its options read into
 * `startEmulator` options with the checks the emulator itself makes. A bad option is a
 * `UsageError` naming it.
 */
import { isIP } from "node:net";
import { parseArgs } from "node:util";
import { requireZoneOffsetMinutes } from "../model/zonedTimestamps";
import { checkRegion, EMULATOR_DEFAULTS, type EmulatorOptions } from "../startup/emulatorOptions";

export const USAGE = `Usage: taurusdb-emulator [options]     (in a clone of the package: npx taurusdb-emulator [options])

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
