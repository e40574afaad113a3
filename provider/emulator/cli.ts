#!/usr/bin/env node
/**
 * The `taurusdb-emulator` bin: package.json points at this file's build output
 * (dist/provider/emulator/cli.js), so it stays here while the command itself lives in cli/.
 */
import { runEmulatorCommand } from "./cli/runCommand";

if (require.main === module) {
  void runEmulatorCommand(process.argv.slice(2));
}
