/** The plugin's package name and version: the stack config namespace, and this package's version. */
import { CONFIG_NAMESPACE } from "../arguments/catalogue";
import { PACKAGE_VERSION } from "../version";

export const PLUGIN_IDENTITY = { name: CONFIG_NAMESPACE, version: PACKAGE_VERSION } as const;
