/**
 * The README's tables of arguments, derived like schema.json: names, stack config keys, environment
 * variables, allowed values and defaults from the argument catalogue, the words from the
 * documentation comments of the TypeScript declarations; and the install commands, from the
 * version and the release location (./release/repository.ts). `npm run docs` writes them between
 * the markers of the README and of the Registry's installation page (docs/); a unit test fails
 * when either is behind.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  ARGUMENT_NAMES,
  ARGUMENTS,
  CONFIG_NAMESPACE,
  CREDENTIAL_ENV_FAMILIES,
  HUAWEICLOUD_NAMESPACE,
  namesOf,
  type ArgumentSpec,
  type CredentialName,
} from "../provider/arguments/catalogue";
import { PIN_OPTIONS, type OptionSpec } from "../provider/arguments/resourceOptions";
import { ruleShape } from "../provider/arguments/ruleShape";
import { repoRoot } from "../harness/repoRoot";
import { PLUGIN_EXECUTABLE, PLUGIN_NAME, PLUGIN_VERSION } from "./release/bundle";
import { goModulePath, pluginDownloadUrl, repository } from "./release/repository";
import { PYTHON_PACKAGE } from "./schema";
import { supportMatrix } from "../harness/supportMatrix";
import { readDeclarationDocs, type DeclarationDocs } from "./typeDocs";

const code = (text: string) => `\`${text}\``;
const NPM_PACKAGE = JSON.parse(fs.readFileSync(path.join(repoRoot(), "package.json"), "utf8")).name as string;

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

/**
 * The plugin's configuration (`taurusdb:*` stack config, or an explicit provider's inputs) for the
 * Registry's installation page: the connection and credential arguments, their environment
 * variables, allowed values and words. The `huaweicloud:*` keys belong to another provider's
 * configuration and do not reach the plugin.
 */
export function providerConfigTable(docs: DeclarationDocs = readDeclarationDocs()): string {
  const descriptions = docs.members("GetInstanceBackupsArgs");
  const rows = namesOf("connection", "credential").map((name) => {
    const spec: ArgumentSpec = ARGUMENTS[name];
    const env =
      spec.kind === "credential"
        ? CREDENTIAL_ENV_FAMILIES.flatMap((family) => (family[name as CredentialName] ? [code(family[name as CredentialName]!)] : []))
        : (spec.env ?? []).map(code);
    return [
      code(`${CONFIG_NAMESPACE}:${name}`),
      env.join(", "),
      spec.secret ? "yes" : "",
      allowed(spec),
      descriptions.get(name)!.description,
    ];
  });
  return table(["stack config", "environment", "secret", "allowed", "what"], rows);
}

/** How each language gets the package, with this version and the release location filled in. */
export function installationSection(): string {
  const archive = (os: string) => `${PLUGIN_EXECUTABLE}-v${PLUGIN_VERSION}-${os}-<arch>.tar.gz`;
  return [
    "| language | install | |",
    "| --- | --- | --- |",
    `| TypeScript, JavaScript | \`npm install ${NPM_PACKAGE}@${PLUGIN_VERSION}\` | the npm package; no plugin install |`,
    `| Python | \`pip install ${PYTHON_PACKAGE}==${PLUGIN_VERSION}\` | the wheel from the release |`,
    `| Go | \`go get ${goModulePath()}@v${PLUGIN_VERSION}\` | package \`${goModulePath()}/${PLUGIN_NAME}\` |`,
    `| YAML | put [\`${PLUGIN_NAME}-${PLUGIN_VERSION}.yaml\`](${releaseAssetUrl(`${PLUGIN_NAME}-${PLUGIN_VERSION}.yaml`)}) beside \`Pulumi.yaml\` | no SDK |`,
    "",
    "The SDKs and the YAML file name the plugin's version and where it is released, so `pulumi install`,",
    "or the first `pulumi up`, downloads the plugin by itself. To install it ahead (a CI image, a machine",
    "that keeps its plugins):",
    "",
    "```sh",
    `pulumi plugin install resource ${PLUGIN_NAME} ${PLUGIN_VERSION} --server ${releaseAssetUrl("").replace(/\/$/, "")}`,
    "```",
    "",
    `Archives: ${["linux", "darwin", "windows"].map((os) => `\`${archive(os)}\``).join(", ")}, \`<arch>\` \`amd64\` or \`arm64\`,`,
    `each with its own Node.js (no Node.js needed on the machine), from [the release](${repository().url}/releases/tag/v${PLUGIN_VERSION}).`,
  ].join("\n");
}

/** A file of this version's release. */
function releaseAssetUrl(file: string): string {
  return `${pluginDownloadUrl().replace("${VERSION}", PLUGIN_VERSION)}/${file}`;
}

/** Each generated section of the README, by the name of its markers (`<!-- arguments:start -->`). */
export function generatedSections(docs: DeclarationDocs = readDeclarationDocs()): Record<string, string> {
  return {
    arguments: argumentsTable(docs),
    "pin-options": pinOptionsTable(docs),
    support: supportTable(),
    installation: installationSection(),
  };
}

/** The Registry's installation page (docs/installation-configuration.md): its generated sections. */
export function registryDocSections(docs: DeclarationDocs = readDeclarationDocs()): Record<string, string> {
  return { installation: installationSection(), "provider-config": providerConfigTable(docs) };
}

/** Files with generated sections, and their sections. */
export const DOC_FILES: ReadonlyArray<{ file: string; sections: (docs: DeclarationDocs) => Record<string, string> }> = [
  { file: "README.md", sections: generatedSections },
  { file: path.join("docs", "installation-configuration.md"), sections: registryDocSections },
];

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
  const docs = readDeclarationDocs();
  for (const { file, sections } of DOC_FILES) {
    const full = path.join(repoRoot(), file);
    fs.writeFileSync(full, readmeWithTables(fs.readFileSync(full, "utf8"), sections(docs)));
    console.log(`updated the generated sections in ${full}`);
  }
}
