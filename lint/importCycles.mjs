// @ts-check
/**
 * `local/no-import-cycle`: a module must not import one that leads back to it, whatever the kind of
 * import. `import-x/no-cycle` skips type-only imports (`import type`, `export type … from`), so a
 * cycle made of them, or closed by one, passes it unseen; yet such a cycle ties the modules together
 * just as much for a reader. Here the graph comes from TypeScript's own scan of each file's imports
 * (`ts.preProcessFile`), which does not tell types from values: every relative `import`, `export …
 * from`, `import()`, `require()` and `import x = require()` is an edge.
 */
import { readFileSync, statSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import ts from "typescript";

/** What a relative specifier may name, tried in this order, as TypeScript and Node resolve it. */
const SUFFIXES = ["", ".ts", ".tsx", ".mts", ".cts", ".d.ts", ".js", ".mjs", ".cjs", "/index.ts", "/index.js"];

/**
 * @typedef {{ readonly target: string, readonly start: number, readonly end: number }} ResolvedImport
 *   an import of a file in the repository, with where its specifier stands in the importing text
 */

/** Each file's imports as last read, re-read only when the file changed on disk. */
/** @type {Map<string, { mtimeMs: number, size: number, imports: ResolvedImport[] }>} */
const onDisk = new Map();

/**
 * The relative imports of a module's text that resolve to a file; package imports cannot lead back.
 * @param {string} text
 * @param {string} file
 * @returns {ResolvedImport[]}
 */
function importsIn(text, file) {
  /** @type {ResolvedImport[]} */
  const imports = [];
  for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
    if (!imported.fileName.startsWith(".")) continue;
    const target = resolveSpecifier(imported.fileName, file);
    if (target !== undefined) imports.push({ target, start: imported.pos, end: imported.end });
  }
  return imports;
}

/**
 * @param {string} specifier
 * @param {string} file
 * @returns {string | undefined}
 */
function resolveSpecifier(specifier, file) {
  const base = resolve(dirname(file), specifier);
  // `./x.js` written for ESM output names `./x.ts` in the sources.
  const bases = /\.[cm]?js$/.test(base) ? [base, base.replace(/js$/, "ts")] : [base];
  for (const candidate of bases.flatMap((b) => SUFFIXES.map((suffix) => b + suffix))) {
    if (isFile(candidate)) return candidate;
  }
  return undefined;
}

/** @param {string} path */
function isFile(path) {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

/**
 * @param {string} file
 * @returns {ResolvedImport[]}
 */
function importsOnDisk(file) {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) return [];
  const known = onDisk.get(file);
  if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known.imports;
  const imports = importsIn(readFileSync(file, "utf8"), file);
  onDisk.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, imports });
  return imports;
}

/**
 * The shortest chain of imports from `start` back to `home`, both included, or undefined when there
 * is none. `home` is read from the linted text, never from disk, so an unsaved edit counts.
 * @param {string} start
 * @param {string} home
 * @returns {string[] | undefined}
 */
function chainBack(start, home) {
  /** @type {Map<string, string | undefined>} */
  const cameFrom = new Map([[start, undefined]]);
  const queue = [start];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (next === home) {
      /** @type {string[]} */
      const chain = [];
      for (let at = /** @type {string | undefined} */ (next); at !== undefined; at = cameFrom.get(at)) chain.unshift(at);
      return chain;
    }
    for (const { target } of importsOnDisk(next)) {
      if (cameFrom.has(target)) continue;
      cameFrom.set(target, next);
      queue.push(target);
    }
  }
  return undefined;
}

/** @type {import("eslint").Rule.RuleModule} */
const noImportCycle = {
  meta: {
    type: "problem",
    docs: { description: "Forbid an import that leads back to the importing module, type-only imports included." },
    schema: [],
    messages: { cycle: "Import cycle (type imports count too): {{cycle}}" },
  },
  create(context) {
    const home = context.physicalFilename;
    if (!isFile(home)) return {};
    return {
      Program() {
        const { sourceCode } = context;
        for (const { target, start, end } of importsIn(sourceCode.text, home)) {
          const chain = chainBack(target, home);
          if (!chain) continue;
          const cycle = [home, ...chain].map((file) => relative(context.cwd, file)).join(" → ");
          context.report({
            loc: { start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(end) },
            messageId: "cycle",
            data: { cycle },
          });
        }
      },
    };
  },
};

export default { rules: { "no-import-cycle": noImportCycle } };
