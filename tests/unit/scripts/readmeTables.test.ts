/** The README's argument tables are what the argument catalogue and the declarations' comments say now. */
import * as fs from "node:fs";
import * as path from "node:path";
import { readmeWithTables } from "../../../scripts/readmeTables";
import { ROOT } from "../../support/build";

test("the README's generated tables are current (else run `npm run docs`)", () => {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  expect(readme).toBe(readmeWithTables(readme));
});
