/**
 * Before the end-to-end tests: provide what they run besides Node.js (harness/toolchain.ts). The
 * first run on a machine may build Pulumi's engine and YAML host from Go sources, which takes
 * minutes, with progress lines; later runs find them cached. A part that cannot be provided fails
 * the run here with the reason, instead of skipping the tests that need it.
 */
import { nodeRuntime } from "../../harness/cache";
import { provideToolchain } from "../../harness/toolchain";

export default async function globalSetup(): Promise<void> {
  // The processes the tests start (engines, providers, programs) inherit it: `npm test` sets it, a bare `npx jest` too.
  process.env.NODE_COMPILE_CACHE = nodeRuntime().withCompileCache().NODE_COMPILE_CACHE;
  const { engine } = await provideToolchain((line) => console.log(line));
  process.env.TAURUSDB_TEST_ENGINE = engine.binDir;
}
