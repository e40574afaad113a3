/**
 * `--help` of the tool and of each command, generated from the commands, the flags (and through
 * them the argument catalogue: names, allowed values, defaults, environment variables) and the
 * exit codes.
 */
import { CREDENTIAL_ENV_FAMILIES } from "../arguments/catalogue";
import type { ArgumentKind } from "../arguments/catalogue";
import { COMMANDS, type Command } from "./commands";
import { EXIT_CODE_MEANINGS } from "./exitCodes";
import type { ListingFlag } from "./flags";

export const TOOL = "taurusdb-backups";

/** Flags every command has besides the listing's. */
export const OUTPUT_FLAGS: ReadonlyArray<readonly [string, string]> = [
  ["--json", "print JSON instead of text"],
  ["--quiet", "no progress on stderr"],
  ["-h, --help", "show this help"],
];

const KIND_HEADINGS: ReadonlyArray<readonly [ArgumentKind, string]> = [
  ["query", "What to list"],
  ["choice", "Which backups count"],
  ["connection", "Where (credentials come from the environment, see below)"],
  ["transport", "How patiently"],
];

/** The environment variables credentials are read from, one family a line, first found wins. */
export function credentialFamilies(): string[] {
  return CREDENTIAL_ENV_FAMILIES.map(
    (f) => `${f.accessKey} + ${f.secretKey}${f.securityToken ? ` (+ ${f.securityToken} for temporary keys)` : ""}`,
  );
}

/** Help lines are wrapped here, with a hanging indent under the right column. */
const LINE_WIDTH = 100;

function wrap(text: string, indent: number): string {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(" ")) {
    if (current && indent + current.length + 1 + word.length > LINE_WIDTH) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  lines.push(current);
  return lines.join(`\n${" ".repeat(indent)}`);
}

export function toolHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `Usage: ${TOOL} <command> [flags]`,
    "",
    "The full backups of a Huawei Cloud TaurusDB (GaussDB for MySQL) instance: every page, signed,",
    "retried, and the newest COMPLETED one.",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    `Run '${TOOL} <command> --help' for its flags. '${TOOL} --version' prints the version.`,
    "",
    ...environmentSection(),
    "",
    ...exitCodeSection(),
  ].join("\n");
}

export function commandHelp(command: Command): string {
  const entries = (flags: readonly ListingFlag[]) =>
    flags.map((f) => [`--${f.flag}${f.placeholder ? ` ${f.placeholder}` : ""}`, describeFlag(f)] as const);
  const sections = KIND_HEADINGS.map(([kind, heading]) => [heading, entries(command.flags.filter((f) => f.kind === kind))] as const).filter(
    ([, rows]) => rows.length > 0,
  );
  const width = Math.max(
    ...sections.flatMap(([, rows]) => rows.map(([left]) => left.length)),
    ...OUTPUT_FLAGS.map(([left]) => left.length),
  );
  const table = (rows: ReadonlyArray<readonly [string, string]>) =>
    rows.map(([left, right]) => `  ${left.padEnd(width)}  ${wrap(right, width + 4)}`);
  const required = command.flags.filter((f) => f.required).map((f) => `--${f.flag} ${f.placeholder}`);
  return [
    `Usage: ${TOOL} ${command.name} ${required.join(" ")} [flags]`,
    "",
    command.description,
    "",
    ...sections.flatMap(([heading, rows]) => [`${heading}:`, ...table(rows), ""]),
    "Output:",
    ...table(OUTPUT_FLAGS),
    "",
    ...environmentSection(),
    "",
    ...exitCodeSection(),
  ].join("\n");
}

function describeFlag(f: ListingFlag): string {
  const notes: string[] = [];
  if (f.required) notes.push("required");
  if (f.allowed) notes.push(`${f.form === "list" ? "any of" : "one of"} ${f.allowed.join(", ")}`);
  if (f.range) notes.push(`${f.range[0]} to ${f.range[1]}`);
  if (f.default !== undefined && f.form !== "boolean") notes.push(`default ${String(f.default)}`);
  if (f.env.length > 0) notes.push(`env ${f.env.join(", ")}`);
  return notes.length > 0 ? `${f.summary} (${notes.join("; ")})` : f.summary;
}

function environmentSection(): string[] {
  return [
    "Credentials are never flags (a flag shows in the process list); they come from the environment,",
    "the first of these pairs that is set:",
    ...credentialFamilies().map((family) => `  ${family}`),
    "A region, or --endpoint with --project-id, says where the API is.",
  ];
}

function exitCodeSection(): string[] {
  return ["Exit codes:", ...EXIT_CODE_MEANINGS.map(([code, meaning]) => `  ${code}  ${meaning}`)];
}
