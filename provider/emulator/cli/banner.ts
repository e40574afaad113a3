/**
 * What `taurusdb-emulator` prints once it listens: where it is, the (fake) credentials, and exactly
 * what points a program or a Pulumi stack at it — the environment variables and the stack config
 * the package reads. Tests call it too, and use what it prints.
 */
import { Headers } from "../../api/wire";
import type { RunningEmulator } from "../startup/startEmulator";

export function banner(emulator: RunningEmulator): string {
  const c = emulator.credentials;
  const { url, region, projectId, instanceId } = emulator;
  const backups = emulator.control.instances().find((i) => i.id === instanceId)?.backups ?? 0;
  const listUrl = `${url}/v3/${projectId}/instances/${instanceId}/backups?limit=5`;
  return `TaurusDB emulator listening on ${url}
(backup listing, restore calls and IAM's project lookup, all on this one port)

  region          ${region}
  project id      ${projectId}
  instance id     ${instanceId} (${backups} backups)

Credentials (local fakes: they open nothing but this emulator)
  access key      ${c.accessKey}
  secret key      ${c.secretKey}
  auth token      ${c.authToken}
  temporary AK    ${c.temporary.accessKey}
  temporary SK    ${c.temporary.secretKey}
  security token  ${c.temporary.securityToken}

List the first page:
  curl -H "${Headers.authToken}: ${c.authToken}" "${listUrl}"

Point a program at it (environment):
  export TAURUSDB_ENDPOINT=${url}
  export HUAWEICLOUD_SDK_AK=${c.accessKey}
  export HUAWEICLOUD_SDK_SK=${c.secretKey}
  export HUAWEICLOUD_SDK_PROJECT_ID=${projectId}
  export HUAWEICLOUD_SDK_IAM_ENDPOINT=${url}
  export HW_REGION_NAME=${region}

Or a Pulumi stack (run in its project directory):
  pulumi config set taurusdb:endpoint ${url}
  pulumi config set taurusdb:projectId ${projectId}
  pulumi config set taurusdb:region ${region}
  pulumi config set --secret taurusdb:accessKey ${c.accessKey}
  pulumi config set --secret taurusdb:secretKey ${c.secretKey}

and use instanceId ${instanceId}.

Press Ctrl-C to stop.
`;
}
