/**
 * `taurusdb-emulator`: runs the emulator from a shell and prints how to reach it (banner.ts) until
 * Ctrl-C or SIGTERM. Every bad option — unparsable, out of range, or a host or port it cannot
 * listen on — exits with code 2 and a message naming the option.
 */
import { EMULATOR_DEFAULTS, type EmulatorOptions } from "../startup/emulatorOptions";
import { startEmulator, type RunningEmulator } from "../startup/startEmulator";
import { banner } from "./banner";
import { parseCommandLine, USAGE, UsageError } from "./commandLine";

/** Errors of listening that come from the --host or --port given, by error code. */
const HOST_ERRORS = new Set(["EADDRNOTAVAIL", "ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAFNOSUPPORT", "EINVAL"]);
const PORT_ERRORS = new Set(["EADDRINUSE", "EACCES"]);

export async function runEmulatorCommand(argv: readonly string[]): Promise<void> {
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
