/** The launchers, run for real where this machine can: the POSIX one through /bin/sh with an empty PATH. */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { launcherFor } from "../../../scripts/release/launchers";

test("the POSIX launcher runs the Node.js beside it on plugin.js with every argument, from any directory, needing nothing on PATH", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "taurusdb-launcher-"));
  try {
    const launcher = launcherFor("linux");
    fs.mkdirSync(path.join(dir, "runtime"));
    // A stand-in runtime that prints what it was given.
    fs.writeFileSync(path.join(dir, launcher.runtime), '#!/bin/sh\nfor a in "$0" "$@"; do echo "[$a]"; done\n', { mode: 0o755 });
    fs.writeFileSync(path.join(dir, launcher.name), launcher.text, { mode: 0o755 });
    const out = execFileSync(path.join(dir, launcher.name), ["-v=9", "--tracing", "x y", "127.0.0.1:4000"], {
      cwd: os.tmpdir(),
      env: { PATH: "/nonexistent" },
      encoding: "utf8",
    });
    expect(out).toBe([`[${dir}/runtime/node]`, `[${dir}/plugin.js]`, "[-v=9]", "[--tracing]", "[x y]", "[127.0.0.1:4000]", ""].join("\n"));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the Windows launcher is a batch file with CRLF lines that passes every argument to node.exe beside it", () => {
  const launcher = launcherFor("windows");
  expect(launcher.name).toBe("pulumi-resource-taurusdb.cmd");
  expect(launcher.runtime).toBe("runtime/node.exe");
  expect(launcher.text.split("\r\n").every((line) => !line.includes("\n"))).toBe(true);
  expect(launcher.text).toContain('"%~dp0runtime\\node.exe" "%~dp0plugin.js" %*\r\n');
});
