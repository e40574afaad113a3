/**
 * Where this project lives and is released, written once: package.json's `repository` (a GitHub
 * repository). Everything a user's tools look up is derived from it here: the plugin's download
 * location (GitHub release assets, which the engine fetches by itself), the Go SDK's module path,
 * the schema's homepage, repository and logo. To publish from another repository, change
 * package.json's `repository.url` and run `npm run sdks` and `npm run docs`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "../../harness/repoRoot";

export interface Repository {
  readonly owner: string;
  readonly name: string;
  /** `https://github.com/<owner>/<name>` */
  readonly url: string;
}

const GITHUB = /^(?:git\+)?https:\/\/github\.com\/([\w.-]+)\/([\w.-]+?)(?:\.git)?$/;

export function repository(): Repository {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot(), "package.json"), "utf8")) as { repository?: { url?: string } };
  const url = manifest.repository?.url ?? "";
  const match = GITHUB.exec(url);
  if (!match)
    throw new Error(
      `package.json's repository.url must be a GitHub repository such as "git+https://github.com/<owner>/<name>.git" (got ${JSON.stringify(url)}): the release location and the Go module path are derived from it.`,
    );
  return { owner: match[1], name: match[2], url: `https://github.com/${match[1]}/${match[2]}` };
}

/**
 * The schema's `pluginDownloadURL`: the release's assets, the engine putting the version in for
 * `${VERSION}` and appending `pulumi-resource-<name>-v<version>-<os>-<arch>.tar.gz`. A plain HTTPS
 * location rather than `github://`: downloads do not go through GitHub's rate-limited API.
 */
export function pluginDownloadUrl(repo = repository()): string {
  return `${repo.url}/releases/download/v\${VERSION}`;
}

/** The Go SDK's module (`sdk/go/go.mod`); its package is `<module>/taurusdb`. Released by tags `sdk/go/v<version>`. */
export function goModulePath(repo = repository()): string {
  return `github.com/${repo.owner}/${repo.name}/sdk/go`;
}

/** The logo the Registry shows, at the release's tag so it does not change under a published version. */
export function logoUrl(version: string, repo = repository()): string {
  return `https://raw.githubusercontent.com/${repo.owner}/${repo.name}/v${version}/docs/logo.svg`;
}
