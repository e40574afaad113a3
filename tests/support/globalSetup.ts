/**
 * Before any test: make sure Pulumi's engine is available (see scripts/engine.ts). The first run on
 * a machine may build it from Go sources, which takes minutes; later runs find it cached. A missing
 * engine fails the run here with the reason, instead of skipping the end-to-end tests.
 */
import { ensureEngine } from "../../scripts/engine";

export default function globalSetup(): void {
  const engine = ensureEngine((line) => console.log(line));
  process.env.TAURUSDB_TEST_ENGINE = engine.binDir;
}
