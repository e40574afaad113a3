/**
 * The package as a user gets it: `npm pack`, then, for each pair of the support matrix
 * (harness/supportMatrix.ts: Node.js 20 with the lowest and the newest `@pulumi/pulumi` that runs
 * on it, Node.js 22 and 24 with the newest), a fresh project outside the repository installs the
 * tarball with that `@pulumi/pulumi`, so every module resolves from that project and none from
 * here, and runs under that Node.js. In it: the exports, both commands, a TypeScript program
 * compiled against the package's declarations, and that program's stack run through the real
 * engine against the emulator, whose state must hold no path of this machine and no credential.
 * The projects are installed at once, side by side.
 *
 * `TAURUSDB_PULUMI_VERSIONS=3.139.0,3.141.0 npx jest --selectProjects e2e -- tests/e2e/package.test.ts`
 * tries other versions on this Node.js, outside the peer range too (npm is told to install them
 * anyway): how the floor of the range was found.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { nodeRuntime } from "../../harness/cache";
import { supportMatrix, type SupportedPair } from "../../harness/supportMatrix";
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { PACKAGE_VERSION } from "../../provider/version";
import { ensureBuilt, ROOT } from "../support/build";
import { npm, npmInstall } from "../support/npm";

const execFileAsync = promisify(execFile);
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

/** The lowest `@pulumi/pulumi` the package supports: the floor of its peer range. */
const LOWEST_PULUMI = /^>=\s*(\d+\.\d+\.\d+)/.exec(manifest.peerDependencies["@pulumi/pulumi"])![1];

const ENGINE_BIN = process.env.TAURUSDB_TEST_ENGINE!;

jest.setTimeout(240_000);

let packDir: string;
let tarball: string;
let packedFiles: string[];
let emulator: RunningEmulator;

beforeAll(async () => {
  ensureBuilt();
  packDir = fs.mkdtempSync(path.join(os.tmpdir(), "taurusdb-pack-"));
  const [packed] = JSON.parse(await npm(["pack", "--json", "--pack-destination", packDir], ROOT));
  tarball = path.join(packDir, packed.filename);
  packedFiles = packed.files.map((f: { path: string }) => f.path);
  emulator = await startEmulator({ backups: 130, seed: 8 });
}, 180_000);
afterAll(async () => {
  await emulator?.close();
  fs.rmSync(packDir, { recursive: true, force: true });
});

test("the tarball holds the compiled library (code and declarations), README, LICENSE and CHANGELOG, and nothing of the repository's tooling", () => {
  expect(packedFiles).toEqual(
    expect.arrayContaining([
      "package.json",
      "README.md",
      "LICENSE",
      "CHANGELOG.md",
      "dist/provider/index.js",
      "dist/provider/index.d.ts",
      "dist/provider/cli/main.js",
      "dist/provider/emulator/cli.js",
    ]),
  );
  expect(
    packedFiles.filter(
      (f) => !f.startsWith("dist/provider/") && !["package.json", "README.md", "LICENSE", "CHANGELOG.md", "schema.json"].includes(f),
    ),
  ).toEqual([]);
  // Source maps would point at TypeScript sources the tarball does not hold.
  expect(packedFiles.filter((f) => f.startsWith("dist/provider/") && !/\.(js|d\.ts)$/.test(f))).toEqual([]);
});

test("the User-Agent version is the package's", () => {
  expect(PACKAGE_VERSION).toBe(manifest.version);
});

const PROBED_VERSIONS = process.env.TAURUSDB_PULUMI_VERSIONS?.split(",");
const PAIRS: readonly SupportedPair[] =
  PROBED_VERSIONS?.map((pulumi) => ({ node: process.versions.node, pulumi, why: "probed" })) ?? supportMatrix();

/** A fresh project outside the repository with these dependencies and the tarball. */
function userProject(label: string, dependencies: Record<string, string>): string {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), `taurusdb-user-${label}-`));
  fs.copyFileSync(tarball, path.join(project, path.basename(tarball)));
  fs.writeFileSync(
    path.join(project, "package.json"),
    JSON.stringify({
      name: "user-project",
      private: true,
      dependencies: { ...dependencies, "pulumi-taurusdb-backups": `file:./${path.basename(tarball)}` },
      devDependencies: { "@types/node": manifest.devDependencies["@types/node"] },
    }),
  );
  return project;
}

/** Runs node (this one, or the bin directory's) in the project, so modules resolve from its node_modules. */
async function nodeIn(project: string, args: readonly string[], env: Record<string, string> = {}, nodeBin?: string): Promise<string> {
  const PATH = nodeBin ? `${nodeBin}${path.delimiter}${process.env.PATH ?? ""}` : (process.env.PATH ?? "");
  try {
    const { stdout } = await execFileAsync(nodeBin ? path.join(nodeBin, "node") : process.execPath, [...args], {
      cwd: project,
      encoding: "utf8",
      env: { PATH, HOME: project, ...env },
    });
    return stdout.trim();
  } catch (error) {
    const failed = error as Error & { stderr?: string; stdout?: string };
    throw new Error(`node ${args.join(" ")} failed:\n${failed.stderr || failed.stdout || failed.message}`);
  }
}

const newestCompleted = () => emulator.control.backups().find((b) => b.status === "COMPLETED")!.id;

describe("a project that installed only the tarball, for the command line", () => {
  let project: string;
  beforeAll(async () => {
    project = userProject("cli", {});
    await npmInstall(project, ["--no-package-lock"]);
  }, 300_000);
  afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

  test("npm installed no @pulumi/pulumi and no @grpc/grpc-js: both are optional peers", () => {
    expect(fs.existsSync(path.join(project, "node_modules", "@pulumi"))).toBe(false);
    expect(fs.existsSync(path.join(project, "node_modules", "@grpc"))).toBe(false);
    expect(fs.existsSync(path.join(project, "node_modules", "pulumi-taurusdb-backups", "dist", "provider", "cli", "main.js"))).toBe(true);
  });

  test("both commands run from node_modules/.bin", async () => {
    const bin = path.join(project, "node_modules", ".bin");
    expect(await nodeIn(project, [path.join(bin, "taurusdb-emulator"), "--help"])).toMatch(/^Usage: taurusdb-emulator/);
    const latest = await nodeIn(project, [path.join(bin, "taurusdb-backups"), "latest", "--instance", emulator.instanceId, "--quiet"], {
      TAURUSDB_ENDPOINT: emulator.url,
      HUAWEICLOUD_SDK_PROJECT_ID: emulator.projectId,
      HUAWEICLOUD_SDK_AK: emulator.credentials.accessKey,
      HUAWEICLOUD_SDK_SK: emulator.credentials.secretKey,
    });
    expect(latest).toBe(newestCompleted());
  });
});

test("npm refuses an @pulumi/pulumi below the peer range", async () => {
  const published: string[] = [
    JSON.parse(await npm(["view", `@pulumi/pulumi@<${LOWEST_PULUMI}`, "version", "--json"], os.tmpdir())),
  ].flat();
  const newer = (a: string, b: string) => {
    const [x, y] = [a, b].map((v) => v.split(".").map(Number));
    const differs = x.findIndex((part, i) => part !== y[i]);
    return differs >= 0 && x[differs] > y[differs];
  };
  const below = published.reduce((newest, v) => (newer(v, newest) ? v : newest)); // the newest release under the floor
  expect(below).toMatch(/^3\./);
  const project = userProject("below", { "@pulumi/pulumi": below });
  try {
    await expect(npmInstall(project, ["--no-package-lock"])).rejects.toThrow(
      new RegExp(`ERESOLVE[\\s\\S]*peer(Optional)? @pulumi/pulumi@"${manifest.peerDependencies["@pulumi/pulumi"]}"`),
    );
  } finally {
    fs.rmSync(project, { recursive: true, force: true });
  }
});

/** What a pair's project did: installed, compiled the user's program and ran its stack. */
interface PairRun {
  readonly project: string;
  readonly nodeBin: string;
  /** What the program printed: its stack's outputs and changes. */
  readonly outputs: { liveId?: string; pinnedId?: string; changes?: Record<string, number> };
}

/**
 * Each pair's project, made side by side (installing is mostly waiting): install, compile the
 * user's program against the package's declarations, run its stack through the real engine.
 */
const runs = new Map<SupportedPair, Promise<PairRun>>();
function runFor(pair: SupportedPair): Promise<PairRun> {
  if (!runs.has(pair)) {
    const run = (async (): Promise<PairRun> => {
      // The global set-up has installed each matrix Node.js (harness/toolchain.ts); this finds it.
      const nodeBin = nodeRuntime().ensureNode(pair.node);
      const project = userProject(`node${pair.node}-pulumi${pair.pulumi}`, { "@pulumi/pulumi": pair.pulumi });
      await npmInstall(project, ["--no-package-lock", ...(PROBED_VERSIONS ? ["--legacy-peer-deps"] : [])], nodeBin);
      fs.copyFileSync(path.join(ROOT, "tests", "fixtures", "userProject", "pinLatest.ts"), path.join(project, "pinLatest.ts"));
      fs.writeFileSync(
        path.join(project, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: { strict: true, target: "ES2022", module: "commonjs", esModuleInterop: true, types: ["node"] },
          files: ["pinLatest.ts"],
        }),
      );
      // The compiler is a tool, taken from here; every type it checks comes from the project.
      await nodeIn(project, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], {}, nodeBin);
      const printed = await nodeIn(
        project,
        ["pinLatest.js"],
        {
          USER_TEST_ENGINE_ROOT: path.dirname(ENGINE_BIN),
          USER_TEST_INSTANCE_ID: emulator.instanceId,
          USER_TEST_ENDPOINT: emulator.url,
          USER_TEST_PROJECT_ID: emulator.projectId,
          USER_TEST_ACCESS_KEY: emulator.credentials.accessKey,
          USER_TEST_SECRET_KEY: emulator.credentials.secretKey,
        },
        nodeBin,
      );
      return { project, nodeBin, outputs: JSON.parse(printed.split("\n").pop()!) };
    })();
    run.catch(() => undefined); // observed by the describe that awaits it
    runs.set(pair, run);
  }
  return runs.get(pair)!;
}

describe.each(PAIRS.map((pair) => [pair.node, pair.pulumi, pair] as const))(
  "Node.js %s, @pulumi/pulumi %s: a project that installed the tarball",
  (_node, pulumiVersion, pair) => {
    let run: PairRun;
    const node = (args: readonly string[], env?: Record<string, string>) => nodeIn(run.project, args, env, run.nodeBin);

    beforeAll(async () => {
      for (const each of PAIRS) void runFor(each);
      run = await runFor(pair);
    }, 400_000);
    afterAll(() => run && fs.rmSync(run.project, { recursive: true, force: true }));

    test("the project runs on this Node.js", async () => {
      expect(await node(["-p", "process.versions.node"])).toBe(pair.node);
    });

    test("npm put one @pulumi/pulumi in the project, the requested one, and the package uses it", async () => {
      expect(await node(["-p", 'require("@pulumi/pulumi/package.json").version'])).toBe(pulumiVersion);
      expect(fs.existsSync(path.join(run.project, "node_modules", "pulumi-taurusdb-backups", "node_modules", "@pulumi"))).toBe(false);
      expect(
        await node([
          "-p",
          'require.resolve("@grpc/grpc-js", { paths: [require.resolve("@pulumi/pulumi")] }) === require.resolve("@grpc/grpc-js")',
        ]),
      ).toBe("true");
    });

    test("every export resolves from the project", async () => {
      expect(
        await node([
          "-e",
          'const p = require("pulumi-taurusdb-backups"); console.log(typeof p.getInstanceBackups, typeof p.getInstanceBackupsOutput, typeof p.InstanceBackups, typeof p.LatestCompletedBackup, typeof p.TaurusDbApiError)',
        ]),
      ).toBe("function function function function function");
      expect(await node(["-p", 'typeof require("pulumi-taurusdb-backups/emulator").startEmulator'])).toBe("function");
      // The module the serialized dynamic providers load by name at run time.
      expect(
        await node([
          "-e",
          'const r = require("pulumi-taurusdb-backups/dynamic-runtime"); console.log(typeof r.instanceBackups.read, typeof r.latestCompletedBackup.create)',
        ]),
      ).toBe("function function");
      expect(await node(["-p", 'require("pulumi-taurusdb-backups/package.json").version'])).toBe(manifest.version);
    });

    test("a TypeScript program compiles against the package's declarations, reads and pins the newest COMPLETED backup through the real engine, and its state holds no path of this machine and no credential", () => {
      const { project, outputs } = run;
      const newest = newestCompleted();
      expect(outputs).toMatchObject({ liveId: newest, pinnedId: newest, changes: { create: 2 } });

      const state = fs.readFileSync(path.join(project, "state", ".pulumi", "stacks", "user-project", "dev.json"), "utf8");
      expect(state).toContain(newest); // the state read is the stack's
      const machinePaths = ["/work/", ROOT, os.homedir(), os.tmpdir(), project, fs.realpathSync(project), ENGINE_BIN];
      for (const machinePath of machinePaths)
        expect({ machinePath, found: state.includes(machinePath) }).toEqual({ machinePath, found: false });
      expect(state).not.toContain(emulator.credentials.secretKey);
      expect(state).not.toContain(emulator.credentials.accessKey);
    });
  },
);
