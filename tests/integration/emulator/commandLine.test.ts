/** The `taurusdb-emulator` command, run as a real process from the build output. */
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { WireBackupPage } from "../../../provider/api/wire";
import { ROOT } from "../../support/build";

const CLI = join(ROOT, "dist", "provider", "emulator", "cli.js");
const SOURCES = [join(ROOT, "provider", "emulator"), join(ROOT, "provider", "api")];

/** `npm test` builds first; when run alone, build if the CLI is missing or older than its sources. */
function ensureBuilt(): void {
  const newestSource = Math.max(
    ...SOURCES.flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".ts"))
        .map((f) => statSync(join(dir, f)).mtimeMs),
    ),
  );
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= newestSource) return;
  execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], {
    cwd: ROOT,
    stdio: "inherit",
  });
}

/** Starts the CLI and resolves with everything it printed once it says it is ready. */
function startCli(args: string[]): Promise<{ child: ChildProcess; output: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let output = "";
    let errors = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes("Press Ctrl-C to stop.")) resolve({ child, output });
    });
    child.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString("utf8")));
    child.once("exit", (code) => reject(new Error(`CLI exited with ${code} before it was ready: ${errors}`)));
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });
}

describe("taurusdb-emulator CLI", () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it("prints its URL, ids, credentials, a working curl line, the environment and the stack config; SIGTERM stops it with 0", async () => {
    const { child, output } = await startCli(["--backups", "12", "--seed", "9", "--region", "cn-east-3", "--time-zone", "UTC+01:00"]);
    try {
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      expect(url).toBeDefined();
      expect(output).toMatch(/region\s+cn-east-3/);
      expect(output).toMatch(/instance id\s+[A-Za-z0-9]{32}in07 \(12 backups\)/);
      expect(output).toMatch(/secret key\s+\S{40}/);
      expect(output).toMatch(/security token\s+\S+/);
      expect(output).toMatch(/^ {2}export HUAWEICLOUD_SDK_AK=\S+$/m);
      expect(output).toMatch(/^ {2}export HUAWEICLOUD_SDK_SK=\S+$/m);
      expect(output).toMatch(/^ {2}export HUAWEICLOUD_SDK_PROJECT_ID=[A-Za-z0-9]{32}$/m);
      expect(output).toContain(`export HUAWEICLOUD_SDK_IAM_ENDPOINT=${url}`);
      expect(output).toContain(`  export TAURUSDB_ENDPOINT=${url}\n`);
      expect(output).toContain("  export HW_REGION_NAME=cn-east-3\n");
      expect(output).toContain(`  pulumi config set taurusdb:endpoint ${url}\n`);
      expect(output).toContain("  pulumi config set taurusdb:region cn-east-3\n");
      expect(output).toMatch(/^ {2}pulumi config set --secret taurusdb:secretKey \S{40}$/m);

      const curl = /curl -H "X-Auth-Token: (\S+)" "(\S+)"/.exec(output);
      expect(curl).not.toBeNull();
      const [, token, listUrl] = curl as RegExpExecArray;
      expect(listUrl.startsWith(`${url}/v3/`)).toBe(true);
      const response = await fetch(listUrl, { headers: { "X-Auth-Token": token } });
      expect(response.status).toBe(200);
      const page = (await response.json()) as WireBackupPage;
      expect(page.total_count).toBe("12");
      expect(page.backups).toHaveLength(5);
      expect(page.backups[0].time_zone).toBe("UTC+01:00");
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exitOf(child)).toBe(0);
  });

  it("stops on SIGINT too", async () => {
    const { child } = await startCli([]);
    child.kill("SIGINT");
    expect(await exitOf(child)).toBe(0);
  });

  it.each([
    [["--backups", "lots"], "--backups"],
    [["--port", "-1"], "--port"],
    [["--rate-limit", "0"], "--rate-limit"],
    [["--no-such-option"], "--no-such-option"],
    [["--time-zone", "UTC+25:00"], "--time-zone"],
    [["--time-zone", "CST"], "--time-zone"],
    [["--region", "BAD"], "--region"],
    [["--restore-duration-ms", "-5"], "--restore-duration-ms"],
    [["--host", "not a host"], "--host"],
    [["--host", "999.1.1.1"], "--host"],
    // A well-formed address that is not this machine's: only listening finds out.
    [["--host", "203.0.113.7"], "--host 203.0.113.7: cannot listen there (EADDRNOTAVAIL)"],
  ])("rejects %j with a message naming the option and exit code 2", (args, named) => {
    const result = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", timeout: 20_000 });
    expect([args, result.status]).toEqual([args, 2]);
    expect(result.stderr).toMatch(/^taurusdb-emulator: /);
    expect(result.stderr).toContain(named);
    expect(result.stderr).toContain("--help");
    expect(result.stdout).toBe("");
  });

  it("exits 2 when the port asked for is taken", async () => {
    const { child, output } = await startCli([]);
    try {
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1] ?? "";
      const result = spawnSync(process.execPath, [CLI, "--port", port], { encoding: "utf8", timeout: 20_000 });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`--port ${port}: cannot listen on it at 127.0.0.1 (EADDRINUSE)`);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exitOf(child)).toBe(0);
  });

  it("prints usage for --help", () => {
    const result = spawnSync(process.execPath, [CLI, "--help"], { encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Usage: taurusdb-emulator");
    expect(result.stdout).toContain("--rate-limit");
  });
});
