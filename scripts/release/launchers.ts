/**
 * The file the engine starts, beside the archive's own Node.js and the bundled plugin. The engine
 * looks in the plugin's directory for `pulumi-resource-<name>`, and on Windows for that name with
 * `.exe`, then `.cmd` (getCandidateExtensions in Pulumi's sdk/go/common/workspace/plugins.go; Pulumi
 * ships its own `pulumi-resource-pulumi-nodejs.cmd` that way). A script that runs the unmodified
 * Node.js keeps that binary's signature intact: macOS on arm64 refuses a modified one, and a
 * Node.js single executable (the plugin injected into the binary) could not be re-signed here.
 */
import { PLUGIN_EXECUTABLE } from "./bundle";
import { ARCHIVE_PLUGIN, RUNTIME_DIR } from "./layout";
import type { PulumiOs } from "./targets";

export interface Launcher {
  readonly name: string;
  readonly text: string;
  /** The runtime's path in the archive. */
  readonly runtime: string;
}

export function launcherFor(os: PulumiOs): Launcher {
  return os === "windows" ? windowsLauncher() : posixLauncher();
}

/**
 * `/bin/sh`, no other program (the directory comes from `$0`, not `dirname`: PATH may hold almost
 * nothing), and `exec`, so the engine's signals and its wait reach Node.js itself.
 */
function posixLauncher(): Launcher {
  const runtime = `${RUNTIME_DIR}/node`;
  const text = [
    "#!/bin/sh",
    `# The ${PLUGIN_EXECUTABLE} provider plugin: the Node.js beside this script runs the bundled plugin,`,
    "# so the machine needs no Node.js of its own.",
    'case "$0" in */*) here="${0%/*}" ;; *) here=. ;; esac',
    `exec "$here/${runtime}" "$here/${ARCHIVE_PLUGIN}" "$@"`,
    "",
  ].join("\n");
  return { name: PLUGIN_EXECUTABLE, text, runtime };
}

/**
 * A batch file (CRLF lines, as cmd.exe expects). The engine ends a plugin on Windows by ending the
 * process and its direct children (KillChildren in sdk/go/common/util/cmdutil/child_windows.go),
 * which reaches node.exe under cmd.exe.
 */
function windowsLauncher(): Launcher {
  const runtime = `${RUNTIME_DIR}/node.exe`;
  const text = [
    "@echo off",
    `rem The ${PLUGIN_EXECUTABLE} provider plugin: the Node.js beside this file runs the bundled plugin,`,
    "rem so the machine needs no Node.js of its own.",
    `"%~dp0${runtime.replace("/", "\\")}" "%~dp0${ARCHIVE_PLUGIN}" %*`,
    "exit /b %ERRORLEVEL%",
    "",
  ].join("\r\n");
  return { name: `${PLUGIN_EXECUTABLE}.cmd`, text, runtime };
}
