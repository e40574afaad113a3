#!/usr/bin/env node
/**
 * `taurusdb-backups`: the listing on the command line. Settings come from the flags, then the
 * environment (the Huawei Cloud tools' variables, `TAURUSDB_ENDPOINT`); credentials only from the
 * environment. The result goes to stdout, progress and errors to stderr, and the exit code says
 * how it ended (./exitCodes.ts). Nothing here loads `@pulumi/pulumi`: the tool starts fast.
 */
import { isArgumentName } from "../arguments/catalogue";
import { InvalidArgumentsError, MissingCredentialsError, TaurusDbBackupsError, type ArgumentIssue } from "../errors";
import { NO_STACK_CONFIG } from "../settings/sources";
import { PACKAGE_VERSION } from "../version";
import type { Command } from "./commands";
import { EXIT_CODES, exitCodeOf } from "./exitCodes";
import { flagLabel } from "./flags";
import { parseCommandLine } from "./parseCommandLine";
import { stderrProgress, type ProgressStream } from "./stderrProgress";
import { commandHelp, credentialFamilies, TOOL, toolHelp } from "./usage";
import { UsageError } from "./usageError";

export interface CliIo {
  readonly stdout: ProgressStream;
  readonly stderr: ProgressStream;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Runs one command line and returns its exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let command: Command | undefined;
  try {
    const invocation = parseCommandLine(argv);
    if (invocation.kind === "help") {
      io.stdout.write(`${invocation.command ? commandHelp(invocation.command) : toolHelp()}\n`);
      return EXIT_CODES.ok;
    }
    if (invocation.kind === "version") {
      io.stdout.write(`${PACKAGE_VERSION}\n`);
      return EXIT_CODES.ok;
    }
    command = invocation.command;
    const progress = stderrProgress(invocation.quiet ? { write: () => undefined } : io.stderr);
    let result;
    try {
      // Loaded only for a listing: help and usage errors do not pay for the HTTP stack.
      const { listInstanceBackups } = await import("../listing");
      result = await listInstanceBackups(invocation.args, {
        sources: { stackConfig: NO_STACK_CONFIG, env: io.env },
        reporter: progress,
        context: `${TOOL} ${command.name}`,
        merge: { argumentLabel: flagLabel },
      });
    } finally {
      progress.end(); // before the result, which may go to the same terminal
    }
    io.stdout.write(`${command.print(result, invocation.json)}\n`);
    return EXIT_CODES.ok;
  } catch (error) {
    io.stderr.write(`${describeFailure(error, command)}\n`);
    return exitCodeOf(error);
  }
}

/** What went wrong, said for the command line: flags by their names, credentials by their variables. */
function describeFailure(error: unknown, command: Command | undefined): string {
  const named = error instanceof UsageError ? error.command : command?.name;
  const helpHint = `Run '${TOOL}${named ? ` ${named}` : ""} --help' for the ${named ? "flags" : "commands"}.`;
  if (error instanceof UsageError) return `${TOOL}: ${error.message}\n${helpHint}`;
  if (error instanceof InvalidArgumentsError) {
    const issues = error.issues.map((issue) => forCommandLine(issue, error instanceof MissingCredentialsError));
    return `${TOOL}: ${new InvalidArgumentsError(issues, error.context).message}\n${helpHint}`;
  }
  if (error instanceof TaurusDbBackupsError) return `${TOOL}: ${error.message}`;
  // Not one of the package's errors: a bug. Its message only: a stack is no help to a user.
  return `${TOOL}: unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

function forCommandLine(issue: ArgumentIssue, noCredentials: boolean): ArgumentIssue {
  if (noCredentials && issue.argument === "credentials") {
    return {
      argument: "credentials",
      problem: `none found. Set one of these pairs in the environment: ${credentialFamilies().join("; or ")}`,
    };
  }
  return isArgumentName(issue.argument) ? { ...issue, argument: flagLabel(issue.argument) } : issue;
}

if (require.main === module) {
  // `taurusdb-backups list | head` closes stdout early; that is not an error worth a stack trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then((code) => {
    process.exitCode = code;
  });
}
