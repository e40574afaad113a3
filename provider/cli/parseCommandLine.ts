/**
 * From `argv` to what to do: help, the version, or a command with its listing arguments. The
 * command comes first; the flags are those of `node:util`'s strict `parseArgs`, built from the
 * catalogue, so an unknown or misspelt flag is refused before anything is sent.
 */
import { parseArgs } from "node:util";
import { COMMANDS, commandNamed, type Command } from "./commands";
import { argumentsFromFlags, parseArgsOptions } from "./flags";
import { UsageError } from "./usageError";

export type Invocation =
  | { readonly kind: "help"; readonly command?: Command }
  | { readonly kind: "version" }
  | {
      readonly kind: "run";
      readonly command: Command;
      readonly args: Record<string, unknown>;
      readonly json: boolean;
      readonly quiet: boolean;
    };

const OUTPUT_OPTIONS = {
  json: { type: "boolean" },
  quiet: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export function parseCommandLine(argv: readonly string[]): Invocation {
  const [first, ...rest] = argv;
  if (first === undefined || first === "--help" || first === "-h" || first === "help")
    return { kind: "help", command: rest[0] === undefined ? undefined : commandNamed(rest[0]) };
  if (first === "--version") return { kind: "version" };
  const command = commandNamed(first);
  if (!command) {
    const what = first.startsWith("-") ? `expected a command before the flags, got ${first}` : `unknown command "${first}"`;
    throw new UsageError(`${what}; the commands are ${COMMANDS.map((c) => c.name).join(", ")}`);
  }

  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      strict: true,
      allowPositionals: false,
      options: { ...parseArgsOptions(command.flags), ...OUTPUT_OPTIONS },
    });
  } catch (error) {
    throw new UsageError(describeParseError(error as Error & { code?: string }, command), command.name);
  }
  const values = parsed.values as Record<string, unknown>;
  if (values.help) return { kind: "help", command };
  return {
    kind: "run",
    command,
    args: { ...argumentsFromFlags(command.flags, values), ...command.fixed },
    json: Boolean(values.json),
    quiet: Boolean(values.quiet),
  };
}

/** `parseArgs`' messages, shortened to what went wrong and named by the flag. */
function describeParseError(error: Error & { code?: string }, command: Command): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1];
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION": {
      const near = option && command.flags.find((f) => squash(f.flag) === squash(option));
      return `unknown flag ${option ?? ""}${near ? `; did you mean --${near.flag}?` : ""}`;
    }
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /argument missing|ambiguous/.test(error.message) ? `${option} needs a value` : `${option} takes no value`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument ${/'([^']*)'/.exec(error.message)?.[1] ?? ""}: every value follows its flag`.trim();
    default:
      return error.message;
  }
}

/** `--pageSize`, `--pagesize` and `--page_size` all squash to `pagesize`, like `--page-size`. */
function squash(flag: string): string {
  return flag.replace(/^-+/, "").replace(/[-_]/g, "").toLowerCase();
}
