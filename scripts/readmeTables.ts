/**
 * The README's tables of arguments, derived like schema.json: names, stack config keys, environment
 * variables, allowed values and defaults from the argument catalogue, the words from the
 * documentation comments of the TypeScript declarations. `npm run docs` writes them between the
 * README's markers; a unit test fails when the README is behind.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  ARGUMENT_NAMES,
  ARGUMENTS,
  CONFIG_NAMESPACE,
  CREDENTIAL_ENV_FAMILIES,
  HUAWEICLOUD_NAMESPACE,
  type ArgumentSpec,
  type CredentialName,
} from "../provider/arguments/catalogue";
import { PIN_OPTIONS, type OptionSpec } from "../provider/arguments/resourceOptions";
import { ruleShape } from "../provider/arguments/ruleShape";
import { repoRoot } from "../harness/repoRoot";
import { supportMatrix } from "../harness/supportMatrix";
import { readDeclarationDocs, type DeclarationDocs } from "./typeDocs";

const code = (text: string) => `\`${text}\``;

export function argumentsTable(docs: DeclarationDocs = readDeclarationDocs()): string {
  const descriptions = docs.members("GetInstanceBackupsArgs");
  const rows = ARGUMENT_NAMES.map((name) => {
    const spec: ArgumentSpec = ARGUMENTS[name];
    const config = spec.stackConfig
      ? [code(`${CONFIG_NAMESPACE}:${name}`), ...(spec.huaweicloud ? [code(`${HUAWEICLOUD_NAMESPACE}:${spec.huaweicloud.key}`)] : [])]
      : [];
    const env =
      spec.kind === "credential"
        ? CREDENTIAL_ENV_FAMILIES.flatMap((family) => (family[name as CredentialName] ? [code(family[name as CredentialName]!)] : []))
        : (spec.env ?? []).map(code);
    return [
      code(name) + (spec.required ? " (required)" : ""),
      config.join(", "),
      env.join(", "),
      allowed(spec),
      descriptions.get(name)!.description,
    ];
  });
  return table(["argument", "stack config", "environment", "allowed (default)", "what"], rows);
}

export function pinOptionsTable(docs: DeclarationDocs = readDeclarationDocs()): string {
  const descriptions = docs.members("LatestCompletedBackupArgs");
  const rows = PIN_OPTIONS.names.map((name) => [code(name), allowed(PIN_OPTIONS.entries[name]), descriptions.get(name)!.description]);
  return table(["input", "allowed (default)", "what"], rows);
}

/** The tested pairs of Node.js and `@pulumi/pulumi`, from the support matrix. */
export function supportTable(): string {
  const rows = supportMatrix().map((pair) => [pair.node, code(pair.pulumi), pair.why]);
  return table(["Node.js", "`@pulumi/pulumi`", "why this pair"], rows);
}

function allowed(spec: ArgumentSpec | OptionSpec): string {
  const shape = ruleShape(spec.rule);
  const what = shape.allowed ?? (typeof shape.type === "string" ? shape.type : "arrayOf" in shape.type ? "a list" : "a map of strings");
  return spec.default === undefined ? what : `${what} (${JSON.stringify(spec.default)})`;
}

function table(header: readonly string[], rows: readonly string[][]): string {
  const escape = (cell: string) => cell.replace(/\|/g, "\\|");
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(escape).join(" | ")} |`),
  ].join("\n");
}

/** Each generated section of the README, by the name of its markers (`<!-- arguments:start -->`). */
export function generatedSections(docs: DeclarationDocs = readDeclarationDocs()): Record<string, string> {
  return { arguments: argumentsTable(docs), "pin-options": pinOptionsTable(docs), support: supportTable() };
}

/** The README with every generated section replaced by what the catalogue says now. */
export function readmeWithTables(readme: string, sections = generatedSections()): string {
  return Object.entries(sections).reduce((text, [name, body]) => {
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md has no ${start} ... ${end} markers`);
    return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
  }, readme);
}

if (require.main === module) {
  const file = path.join(repoRoot(), "README.md");
  fs.writeFileSync(file, readmeWithTables(fs.readFileSync(file, "utf8")));
  console.log(`updated the generated tables in ${file}`);
}
