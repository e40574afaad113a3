/** The files of a release archive, beside the launcher (./launchers.ts) the engine starts. */

/** The bundled plugin (./bundle.ts). */
export const ARCHIVE_PLUGIN = "plugin.js";
/** The folder of the target's Node.js. */
export const RUNTIME_DIR = "runtime";
/** The licenses of what the bundle and the runtime contain. */
export const NOTICES = "THIRD-PARTY-NOTICES.txt";
/** This project's license. */
export const LICENSE = "LICENSE";
