/**
 * `taurusdb:index:getInstanceBackups` over the core's listing. Arguments the engine does not know
 * yet (a preview) are never sent to the API as placeholders: the result is then empty, and the
 * program's SDK treats it as not known. The result is secret when an argument other than a
 * credential is secret, the rule the resource follows (./latestCompletedBackupResource.ts).
 */
import type { CheckFailure } from "./handlers";
import type { PluginPackage } from "./package";
import { asSecret, containsSecret, containsUnknown, fromPlainMap, revealMap, type PropertyMap } from "./wire";

export class GetInstanceBackupsFunction {
  constructor(private readonly pkg: PluginPackage) {}

  async invoke(args: PropertyMap): Promise<{ result: PropertyMap; failures: readonly CheckFailure[] }> {
    if (containsUnknown(args)) return { result: {}, failures: [] };
    const plain = Object.fromEntries(Object.entries(revealMap(args)).filter(([, value]) => value !== null && value !== undefined));
    let listed: Record<string, unknown>;
    try {
      listed = await this.pkg.listBackups(plain);
    } catch (error) {
      const issues = this.pkg.argumentIssues(error);
      if (!issues) throw error;
      return { result: {}, failures: issues.map((issue) => ({ property: issue.key, reason: issue.problem })) };
    }
    const result = fromPlainMap(listed);
    const credentials = new Set(this.pkg.credentialKeys);
    const secretChoice = Object.entries(args).some(([key, value]) => !credentials.has(key) && containsSecret(value));
    if (secretChoice) for (const key of Object.keys(result)) result[key] = asSecret(result[key]);
    return { result, failures: [] };
  }
}
