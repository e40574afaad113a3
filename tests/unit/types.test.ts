/**
 * The public types, proved by the compiler: tests/fixtures/resultTypes.ts compiles with no error,
 * so the required forms give an id that is an `Input<string>` as it stands, and each
 * `@ts-expect-error` there is still an error (else the directive itself is reported).
 */
import * as path from "node:path";
import * as ts from "typescript";
import { ROOT } from "../support/build";

test("with requireLatestCompleted or maxAge the newest id is an Input<string>; without, it is not (tsc over a program)", () => {
  const root = ROOT;
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, "tsconfig.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  )!;
  const program = ts.createProgram([path.join(ROOT, "tests", "fixtures", "resultTypes.ts")], { ...config.options, noEmit: true });
  const problems = ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file ? path.relative(root, d.file.fileName) : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
  expect(problems).toEqual([]);
});
