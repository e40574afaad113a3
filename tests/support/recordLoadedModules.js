// Preloaded with `node --require` by tests that check what a process loads: at exit it writes the
// file name of every CommonJS module the process loaded to $LOADED_MODULES_FILE, one a line.
const fs = require("node:fs");

process.on("exit", () => {
  if (process.env.LOADED_MODULES_FILE) fs.writeFileSync(process.env.LOADED_MODULES_FILE, Object.keys(require.cache).join("\n"));
});
