/**
 * Everything the end-to-end tests run besides this Node.js, provided before the first test (the e2e
 * project's global set-up) and by `npm run engine`: the other Node.js versions of the support
 * matrix, the release's artifacts (`npm run release:artifacts`: the plugin's archives, the Python
 * SDK's wheel, ...), Pulumi's engine, its YAML language host, a Python environment with the SDK
 * installed from that wheel, and the Go SDK's modules. Each is found (on PATH or in
 * the cache outside the repository) or made once, with progress lines; a part that cannot be made
 * fails the run here with the reason, instead of skipping the tests that need it.
 *
 * The Go builds share Go's build cache, so they run one after the other; the Python environment
 * (mostly downloads) is made meanwhile.
 */
import { nodeRuntime } from "./cache";
import { provideEngine, type Engine } from "./engine";
import { provideGoSdkModules } from "./goModules";
import { providePythonEnv, type PythonEnv } from "./pythonEnv";
import { provideRelease } from "./release";
import type { ReleaseArtifacts } from "../scripts/release/artifacts";
import { supportMatrix } from "./supportMatrix";
import { provideYamlLanguageHost, type LanguageHost } from "./yamlLanguageHost";

export interface Toolchain {
  readonly engine: Engine;
  readonly yamlHost: LanguageHost;
  readonly python: PythonEnv;
  readonly release: ReleaseArtifacts;
}

export async function provideToolchain(log: (line: string) => void): Promise<Toolchain> {
  for (const version of new Set(supportMatrix().map((pair) => pair.node))) nodeRuntime().ensureNode(version, log);
  // The release first (the Python environment installs its wheel); meanwhile the Go side.
  const release = provideRelease(log);
  const python = release.then((artifacts) => providePythonEnv(artifacts.python!.wheel, log));
  // Settled at once so a failure of the Go side does not leave them unobserved.
  python.catch(() => undefined);
  const engine = await provideEngine(log);
  const yamlHost = await provideYamlLanguageHost(log);
  await provideGoSdkModules(log);
  return { engine, yamlHost, python: await python, release: await release };
}

if (require.main === module) {
  provideToolchain((line) => console.log(line)).then(
    ({ engine, yamlHost, python }) => {
      console.log(`pulumi v${engine.version} (${engine.source}): ${engine.binDir}`);
      console.log(
        `pulumi-language-yaml ${yamlHost.version ? `v${yamlHost.version}` : "(version not reported)"} (${yamlHost.source}): ${yamlHost.binDir}`,
      );
      console.log(`python with the SDK's wheel (${python.source}): ${python.python}`);
    },
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
