/** This package's version, sent in `User-Agent`. A test keeps it equal to package.json. */
export const PACKAGE_VERSION = "0.1.0";
export const USER_AGENT = `pulumi-taurusdb-backups/${PACKAGE_VERSION}`;
