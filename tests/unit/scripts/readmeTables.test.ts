/**
 * The generated sections of the README and of the Registry's installation page (docs/) are what
 * the argument catalogue, the declarations' comments, the version and the release location say now.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { readDeclarationDocs } from "../../../scripts/typeDocs";
import { DOC_FILES, readmeWithTables } from "../../../scripts/readmeTables";
import { ROOT } from "../../support/build";
import { goModulePath, pluginDownloadUrl } from "../../../scripts/release/repository";

const docs = readDeclarationDocs();

test.each(DOC_FILES.map((entry) => [entry.file, entry] as const))(
  "%s's generated sections are current (else run `npm run docs`)",
  (_file, entry) => {
    const text = fs.readFileSync(path.join(ROOT, entry.file), "utf8");
    expect(text).toBe(readmeWithTables(text, entry.sections(docs)));
  },
);

test("the documents' examples name the Go module and the release location that package.json's repository gives", () => {
  const files = [...DOC_FILES.map((entry) => entry.file), path.join("docs", "_index.md"), path.join("provider", "plugin", "README.md")];
  for (const file of files) {
    const text = fs.readFileSync(path.join(ROOT, file), "utf8");
    for (const [module] of text.matchAll(/github\.com\/[\w.-]+\/[\w.-]+\/sdk\/go\b/g))
      expect({ file, module }).toEqual({ file, module: goModulePath() });
    for (const [location] of text.matchAll(/https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/releases\/download\//g))
      expect({ file, location }).toEqual({ file, location: pluginDownloadUrl().replace(/v\$\{VERSION\}$/, "") });
  }
});
