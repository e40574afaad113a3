/**
 * The Go modules the generated Go SDK (`sdk/go`) needs, downloaded by the set-up so that a test that
 * compiles it finds them on disk: on a machine with an empty module cache, the download is a step
 * with its own progress and failure, not noise inside a test.
 */
import * as path from "node:path";
import { goEnv } from "./goEnv";
import { runLongStep } from "./longStep";
import { repoRoot } from "./repoRoot";

export const GO_SDK_DIR = path.join("sdk", "go");

export async function provideGoSdkModules(log: (line: string) => void): Promise<void> {
  await runLongStep(
    {
      label: "downloading the Go SDK's modules",
      command: "go",
      args: ["mod", "download"],
      cwd: path.join(repoRoot(), GO_SDK_DIR),
      env: goEnv(),
    },
    log,
  );
}
