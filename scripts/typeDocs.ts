/**
 * The documentation comments of the package's public TypeScript declarations, read with the
 * TypeScript compiler: what users see in their editor is also what the plugin's schema, and so
 * every generated SDK, says. Nothing is written twice; a public member without a comment is an
 * error here, so the schema never has an empty description.
 */
import * as path from "node:path";
import * as ts from "typescript";
import { repoRoot } from "../harness/repoRoot";

export interface MemberDoc {
  readonly description: string;
  /** The member's type as TypeScript sees it, with `pulumi.Output<T>` and `pulumi.Input<T>` unwrapped. */
  readonly type: ts.Type;
  /** JSDoc tags such as `@integer`. */
  readonly tags: ReadonlySet<string>;
  /** Declared with `?`, or its value (inside `Output`/`Input`) may be undefined. */
  readonly optional: boolean;
}

export interface DeclarationDocs {
  readonly checker: ts.TypeChecker;
  /** The comment of an exported interface, class or function. */
  describe(name: string): string;
  /** Every property of an interface or class (inherited ones included), in declaration order. */
  members(name: string): ReadonlyMap<string, MemberDoc>;
}

/** Reads the exported declarations of the package's entry point (provider/index.ts). */
export function readDeclarationDocs(entry = path.join(repoRoot(), "provider", "index.ts")): DeclarationDocs {
  const program = ts.createProgram([entry], {
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    esModuleInterop: true,
  });
  const checker = program.getTypeChecker();
  const exported = new Map(
    checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!).map((s) => [s.name, resolve(checker, s)]),
  );
  const symbol = (name: string) => {
    const found = exported.get(name);
    if (!found) throw new Error(`typeDocs: ${name} is not exported from ${entry}`);
    return found;
  };
  const comment = (s: ts.Symbol, where: string) => {
    const text = ts.displayPartsToString(s.getDocumentationComment(checker)).replace(/\s+/g, " ").trim();
    if (!text) throw new Error(`typeDocs: ${where} has no documentation comment; every public member needs one`);
    return text;
  };
  return {
    checker,
    describe: (name) => comment(symbol(name), name),
    members(name) {
      const owner = symbol(name);
      const type = owner.flags & ts.SymbolFlags.Class ? checker.getDeclaredTypeOfSymbol(owner) : checker.getDeclaredTypeOfSymbol(owner);
      const members = new Map<string, MemberDoc>();
      for (const property of checker.getPropertiesOfType(type)) {
        const declaration = property.valueDeclaration ?? property.declarations?.[0];
        // Members a class inherits from Pulumi (urn, id...) are Pulumi's to document.
        if (!declaration || declaration.getSourceFile().fileName.includes("node_modules")) continue;
        const declared = checker.getTypeOfSymbolAtLocation(property, declaration);
        members.set(property.name, {
          description: comment(property, `${name}.${property.name}`),
          type: unwrap(checker, checker.getNonNullableType(declared)),
          tags: new Set(property.getJsDocTags().map((tag) => tag.name)),
          optional: (property.flags & ts.SymbolFlags.Optional) !== 0 || mayBeUndefined(declared),
        });
      }
      return members;
    },
  };
}

function resolve(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/** True when the type, or the `T` of an `Output<T>` or `Input<T>`, includes undefined. */
function mayBeUndefined(type: ts.Type): boolean {
  if (type.isUnion() && type.types.some((t) => t.flags & ts.TypeFlags.Undefined)) return true;
  const name = type.aliasSymbol?.name ?? type.getSymbol()?.name;
  const argument = type.aliasTypeArguments?.[0] ?? (type as ts.TypeReference).typeArguments?.[0];
  return (name === "Output" || name === "OutputInstance" || name === "Input") && argument !== undefined && mayBeUndefined(argument);
}

/** `Output<T>` and `Input<T>` as `T`. */
function unwrap(checker: ts.TypeChecker, type: ts.Type): ts.Type {
  const name = type.aliasSymbol?.name ?? type.getSymbol()?.name;
  const argument = type.aliasTypeArguments?.[0] ?? (type as ts.TypeReference).typeArguments?.[0];
  if ((name === "Output" || name === "OutputInstance" || name === "Input") && argument)
    return unwrap(checker, checker.getNonNullableType(argument));
  return type;
}
