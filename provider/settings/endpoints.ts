/**
 * Where each region's TaurusDB API lives, from the spec's region table. The host prefix differs by
 * region, and regions starting `eu-west-1` use the `.eu` domain.
 */

const HOST_PREFIX_BY_REGION: Readonly<Record<string, string>> = {
  ...fromList("gaussdb", [
    "cn-north-4",
    "cn-southwest-2",
    "cn-east-3",
    "cn-south-1",
    "ru-northwest-2",
    "ap-southeast-3",
    "cn-north-2",
    "cn-north-9",
    "ap-southeast-4",
    "sa-brazil-1",
    "cn-south-4",
  ]),
  ...fromList("gaussdbformysql", ["tr-west-1", "ap-southeast-1", "ap-southeast-2", "cn-north-11", "me-east-1"]),
  ...fromList("gaussdb-mysql", ["af-south-1", "cn-east-5", "la-north-2", "cn-southwest-3"]),
};

/** Regions with a known TaurusDB endpoint. */
export const KNOWN_REGIONS: readonly string[] = Object.keys(HOST_PREFIX_BY_REGION);

function domainOf(region: string): string {
  return region.startsWith("eu-west-1") ? "myhuaweicloud.eu" : "myhuaweicloud.com";
}

/** The TaurusDB endpoint of a region, or undefined when the table does not know the region. */
export function serviceEndpoint(region: string): string | undefined {
  const prefix = HOST_PREFIX_BY_REGION[region];
  return prefix ? `https://${prefix}.${region}.${domainOf(region)}` : undefined;
}

/** The regional IAM endpoint, used to find a project id from a region. */
export function iamEndpoint(region: string): string {
  return `https://iam.${region}.${domainOf(region)}`;
}

function fromList(prefix: string, regions: readonly string[]): Record<string, string> {
  return Object.fromEntries(regions.map((region) => [region, prefix]));
}
