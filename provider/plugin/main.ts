/**
 * `pulumi-resource-taurusdb`: the executable the engine starts for the `taurusdb` package. It
 * serves the provider and prints the port on its first line of output, which is how the engine
 * finds it; it stops cleanly when the engine interrupts it (SIGINT) or terminates it.
 *
 * Its arguments are logging flags, then the engine's address, where its log lines go (see
 * ./package.ts).
 */
import { createProvider } from "./provider";
import { taurusDbPackage } from "./package";
import { servePlugin } from "./server";

async function main(): Promise<void> {
  const serving = servePlugin(createProvider(taurusDbPackage));
  // Handlers first: once the port is printed the engine may stop the plugin at any moment, and a
  // signal before the handlers exist would kill it outright.
  const stop = () => {
    // Open keep-alive connections to the API would hold the process; exiting is the point.
    serving
      .then((plugin) => plugin.stop())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const plugin = await serving;
  process.stdout.write(`${plugin.port}\n`);
}

main().catch((error: unknown) => {
  // Startup failures only (no configuration has been received yet, so nothing secret to print).
  process.stderr.write(`pulumi-resource-taurusdb failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
