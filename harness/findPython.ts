/** The machine's Python 3 (3.9 or later, with venv), which the Python environments are made from. */
import { spawnSync } from "node:child_process";

export function findPython(): string {
  for (const candidate of ["python3", "python"]) {
    const probe = spawnSync(candidate, ["-c", "import sys, venv; print(sys.version_info >= (3, 9))"], { encoding: "utf8" });
    if (probe.status === 0 && probe.stdout.trim() === "True") return candidate;
  }
  throw new Error(
    "Python 3.9 or later with the venv module is needed to run Python programs with the generated SDK; " +
      "install it (e.g. `apt-get install python3 python3-venv`), then run the tests again.",
  );
}
