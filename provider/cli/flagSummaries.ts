/**
 * What each flag of the command line is for, in a few words for `--help`. The flag names, value
 * rules, defaults and environment variables come from the argument catalogue; only these words are
 * the command line's own. Keyed by argument, so an argument added to the catalogue without words
 * here is a compile error.
 */
import type { ARGUMENTS, ArgumentName } from "../arguments/catalogue";

/** The arguments that have a flag: every one but the secrets. */
export type FlaggedName = { [K in ArgumentName]: (typeof ARGUMENTS)[K] extends { secret: true } ? never : K }[ArgumentName];

export interface FlagSummary {
  /** The placeholder of the value in `--help` (`--endpoint <url>`); a list's is `<a,b>`, an integer's `<n>`. */
  readonly value?: string;
  readonly text: string;
}

export const FLAG_SUMMARIES: { readonly [K in FlaggedName]: FlagSummary } = {
  instanceId: { value: "id", text: 'the instance: 36 letters or digits ending in "in07"' },
  orderField: { text: "ask the API to sort by this field" },
  orderRule: { text: "sort direction, with --order-field" },
  filterField: { text: "field the API filters on, with --filter-content" },
  filterContent: { value: "text", text: "ask the API for backups whose name contains this text" },
  pageSize: { text: "records per request" },
  statuses: { text: "keep only backups in these states" },
  backupTypes: { text: "keep only backups of these types" },
  createdAfter: { value: "time", text: "keep backups created at or after this ISO 8601 time (with a zone)" },
  createdBefore: { value: "time", text: "keep backups created before this ISO 8601 time (with a zone)" },
  requireLatestCompleted: { text: "fail (exit 3) when no COMPLETED backup matches" },
  maxAge: { value: "duration", text: 'fail (exit 4) when the newest COMPLETED backup is older, e.g. "26h", "7d", "1d12h"' },
  region: { value: "name", text: "region, e.g. cn-north-4: picks the endpoint and, without --project-id, the project" },
  projectId: { value: "id", text: "project id (32 letters or digits); found through IAM from the region when left out" },
  endpoint: { value: "url", text: "the TaurusDB endpoint instead of the region's: a private cloud, a proxy, the emulator" },
  iamEndpoint: { value: "url", text: "the IAM endpoint used to find the project id" },
  language: { text: "language of the API's error messages" },
  maxConcurrency: { text: "requests in flight at most" },
  maxAttempts: { text: "attempts per request; throttling, 502/503/504 and network errors are retried" },
  requestTimeoutMs: { text: "deadline of one request, in milliseconds" },
  timeoutMs: { text: "deadline of the whole listing, in milliseconds" },
};
