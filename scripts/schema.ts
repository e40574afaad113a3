/**
 * The package schema as a file: `schema.json` at the repository root, which the plugin serves from
 * `GetSchema` and the SDK generator reads. Nothing in it is written by hand: the arguments, their
 * types and where they apply come from the argument catalogue (provider/arguments/), and every
 * description from the documentation comments of the public TypeScript declarations
 * (./typeDocs.ts), so TypeScript users and every other language read the same words.
 * `sdk/schema.sha256` records which version of it the committed SDKs were generated from.
 *
 * `npm run schema` writes it.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { ARGUMENT_NAMES, ARGUMENTS, CONFIG_NAMESPACE, type ArgumentName, type ArgumentSpec } from "../provider/arguments/catalogue";
import { PIN_OPTIONS } from "../provider/arguments/resourceOptions";
import { RESTORE_ARGUMENT_NAMES, RESTORE_ARGUMENTS, type RestoreArgumentSpec } from "../provider/restore/arguments";
import { ruleShape } from "../provider/arguments/ruleShape";
import { PLUGIN_IDENTITY } from "../provider/plugin/identity";
import {
  buildSchema,
  type ArgumentDescription,
  type PackageDescription,
  type PropertyDescription,
  type PropertyType,
} from "../provider/plugin/schema";
import { repoRoot } from "../harness/repoRoot";
import { goModulePath, logoUrl, pluginDownloadUrl, repository } from "./release/repository";
import { readDeclarationDocs, type DeclarationDocs, type MemberDoc } from "./typeDocs";

export const SCHEMA_FILE = "schema.json";
/** The Python SDK's package and distribution name. */
export const PYTHON_PACKAGE = "pulumi_taurusdb";
/** Beside the generated SDKs: the hash of the schema they were generated from. */
export const SDK_SCHEMA_HASH_FILE = path.join("sdk", "schema.sha256");

/**
 * Where an argument applies: `connection` and `transport` everywhere (and `connection` is the
 * provider configuration), `choice` to the function and the pinned resource, `listing` to the
 * function only, `pinning` to the pinned resource only, `restore` to the restore only.
 */
type Group = "connection" | "transport" | "choice" | "listing" | "pinning" | "restore";

function groupOf(spec: ArgumentSpec): Group {
  if (spec.kind === "connection" || spec.kind === "credential") return "connection";
  if (spec.kind === "transport") return "transport";
  return spec.pin === "absent" ? "listing" : "choice";
}

export function packageDescription(docs: DeclarationDocs = readDeclarationDocs()): PackageDescription<Group> {
  const argumentDocs = docs.members("GetInstanceBackupsArgs");
  const pinDocs = docs.members("LatestCompletedBackupArgs");
  const listingArguments: ArgumentDescription<Group>[] = ARGUMENT_NAMES.map((name) => {
    const spec: ArgumentSpec = ARGUMENTS[name];
    return {
      name,
      group: groupOf(spec),
      type: ruleShape(spec.rule).type,
      description: `${argumentDocs.get(name)!.description}${fallback(name)}`,
      ...(spec.required ? { required: true } : {}),
      ...(spec.secret ? { secret: true } : {}),
    };
  });
  const pinArguments: ArgumentDescription<Group>[] = PIN_OPTIONS.names.map((name) => ({
    name,
    group: "pinning",
    type: ruleShape(PIN_OPTIONS.entries[name].rule).type,
    description: pinDocs.get(name)!.description,
  }));
  const restoreDocs = docs.members("RestoreArgs");
  const restoreArguments: ArgumentDescription<Group>[] = RESTORE_ARGUMENT_NAMES.map((name) => {
    const spec: RestoreArgumentSpec = RESTORE_ARGUMENTS[name];
    return {
      name,
      group: "restore",
      type: ruleShape(spec.rule).type,
      description: restoreDocs.get(name)!.description,
      ...(spec.required ? { required: true } : {}),
      ...(spec.secret ? { secret: true } : {}),
    };
  });
  const outputs = (owner: string, names?: readonly string[]) => properties(docs, owner, names);
  const repo = repository();
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot(), "package.json"), "utf8")) as {
    keywords: string[];
    license: string;
    author: string;
  };

  return {
    ...PLUGIN_IDENTITY,
    displayName: "Huawei Cloud TaurusDB backups",
    description:
      "The full backups of a Huawei Cloud TaurusDB (GaussDB for MySQL) instance, every page, signed and retried, the newest COMPLETED one, live or pinned, and a restore of one into an existing instance.",
    keywords: manifest.keywords.filter((keyword) => keyword !== "dynamic-provider").concat(["category/database", "kind/native"]),
    license: manifest.license,
    publisher: manifest.author,
    repository: repo.url,
    homepage: repo.url,
    logoUrl: logoUrl(PLUGIN_IDENTITY.version, repo),
    pluginDownloadURL: pluginDownloadUrl(repo),
    arguments: [...listingArguments, ...pinArguments, ...restoreArguments],
    configGroups: ["connection"],
    types: { Backup: { description: docs.describe("Backup"), properties: outputs("Backup") } },
    functions: [
      {
        name: "getInstanceBackups",
        description: docs.describe("getInstanceBackups"),
        argumentGroups: ["choice", "listing", "connection", "transport"],
        outputs: outputs("GetInstanceBackupsResult"),
      },
    ],
    resources: [
      {
        name: "LatestCompletedBackup",
        description: docs.describe("LatestCompletedBackup"),
        argumentGroups: ["choice", "pinning", "connection", "transport"],
        outputs: outputs("LatestCompletedBackup"),
      },
      {
        name: "InstanceRestore",
        description: docs.describe("InstanceRestore"),
        argumentGroups: ["restore", "connection", "transport"],
        outputs: outputs("InstanceRestore"),
      },
    ],
    language: {
      python: { packageName: PYTHON_PACKAGE, respectSchemaVersion: true, pyproject: { enabled: true } },
      go: {
        // The module the Go SDK is published under (sdk/go/go.mod), from package.json's repository.
        importBasePath: `${goModulePath(repo)}/${PLUGIN_IDENTITY.name}`,
        generateResourceContainerTypes: true,
        respectSchemaVersion: true,
      },
    },
  };
}

/** Where a setting comes from when the argument is left out, for settings that have other places. */
function fallback(name: ArgumentName): string {
  const spec: ArgumentSpec = ARGUMENTS[name];
  if (!spec.stackConfig) return "";
  const environment = spec.env?.length
    ? `, then the environment (${spec.env.map((v) => `\`${v}\``).join(", ")})`
    : spec.kind === "credential"
      ? ", then the usual Huawei Cloud environment variables"
      : "";
  return ` Falls back to the provider configuration (\`${CONFIG_NAMESPACE}:${name}\`)${environment}.`;
}

/** The documented members of an interface or class as schema properties, typed from their TypeScript types. */
function properties(docs: DeclarationDocs, owner: string, only?: readonly string[]): PropertyDescription[] {
  return [...docs.members(owner)]
    .filter(([name]) => !only || only.includes(name))
    .map(([name, member]) => ({
      name,
      type: schemaType(docs.checker, member.type, member),
      description: member.description,
      ...(member.optional ? {} : { required: true }),
    }));
}

function schemaType(checker: ts.TypeChecker, type: ts.Type, member: MemberDoc): PropertyType {
  const defined = checker.getNonNullableType(type);
  if (defined.flags & ts.TypeFlags.NumberLike) return member.tags.has("integer") ? "integer" : "number";
  if (defined.flags & ts.TypeFlags.BooleanLike) return "boolean";
  if (defined.flags & ts.TypeFlags.StringLike || (defined.isUnion() && defined.types.every((t) => t.flags & ts.TypeFlags.StringLike)))
    return "string";
  if (checker.isArrayType(defined))
    return { arrayOf: schemaType(checker, checker.getTypeArguments(defined as ts.TypeReference)[0], member) };
  const symbol = defined.aliasSymbol ?? defined.getSymbol();
  if (symbol?.name === "Record") return { mapOf: "string" };
  if (symbol?.name === "Backup") return { object: "Backup" };
  throw new Error(`schema: no schema type for ${checker.typeToString(defined)}`);
}

export function schemaText(docs?: DeclarationDocs): string {
  return `${JSON.stringify(buildSchema(packageDescription(docs)), null, 2)}\n`;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function writeSchema(root = repoRoot()): string {
  const file = path.join(root, SCHEMA_FILE);
  fs.writeFileSync(file, schemaText());
  return file;
}

if (require.main === module) {
  console.log(`wrote ${writeSchema()}`);
}
