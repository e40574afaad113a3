/**
 * Every error this package throws. Each carries the context a user needs to act on it, and none
 * carries a secret: no secret key, token, signature or `Authorization` header, and never a raw
 * HTTP-library error (whose request config would hold those headers).
 */

import { formatAge } from "./arguments/duration";

/** Base class: catch this to catch everything the package throws on purpose. */
export class TaurusDbBackupsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export interface ArgumentIssue {
  /**
   * Where the value came from: the argument (`pageSize`, `statuses[1]`), a stack config key
   * (`stack config taurusdb:region`), an environment variable, or `credentials` for the set.
   */
  readonly argument: string;
  /** What is wrong and what is allowed. */
  readonly problem: string;
}

/** Arguments that break a rule; raised before any request is made. */
export class InvalidArgumentsError extends TaurusDbBackupsError {
  constructor(
    readonly issues: readonly ArgumentIssue[],
    readonly context = "getInstanceBackups",
  ) {
    super(`Invalid arguments for ${context}:\n${issues.map((i) => `  - ${i.argument}: ${i.problem}`).join("\n")}`);
  }
}

/**
 * No credentials in any of the places they can come from. Its `issues` list every other problem
 * too. Conflicting or malformed credentials are an {@link InvalidArgumentsError}.
 */
export class MissingCredentialsError extends InvalidArgumentsError {}

/** Where an API exchange went wrong. */
export interface ExchangeContext {
  readonly instanceId?: string;
  readonly method: string;
  /** Path and query, as sent. Never contains a secret. */
  readonly url: string;
  /** Attempts made, retries included. */
  readonly attempts: number;
}

/** The API answered with an error status. */
export class TaurusDbApiError extends TaurusDbBackupsError {
  readonly status: number;
  /** `error_code` of the body, e.g. `APIGW.0301`; undefined for non-JSON bodies. */
  readonly errorCode?: string;
  /** `error_msg` of the body. */
  readonly errorMessage?: string;
  /** The `X-Request-Id` response header, for the vendor's support. */
  readonly requestId?: string;
  readonly instanceId?: string;
  readonly method: string;
  readonly url: string;
  readonly attempts: number;
  /** Start of a body that was not the documented JSON error (an HTML gateway page, say). */
  readonly bodyExcerpt?: string;

  constructor(
    fields: ExchangeContext & {
      status: number;
      errorCode?: string;
      errorMessage?: string;
      requestId?: string;
      bodyExcerpt?: string;
      hint?: string;
    },
  ) {
    const what = fields.errorCode
      ? `${fields.errorCode}: ${fields.errorMessage ?? ""}`.trim()
      : `non-JSON body: ${JSON.stringify(fields.bodyExcerpt ?? "")}`;
    super(
      `TaurusDB API answered HTTP ${fields.status} (${what}) ${describeTarget(fields)}` +
        `${fields.requestId ? `, request id ${fields.requestId}` : ""}` +
        `${fields.attempts > 1 ? `, after ${fields.attempts} attempts` : ""}.` +
        `${fields.hint ? ` ${fields.hint}` : ""}`,
    );
    this.status = fields.status;
    this.errorCode = fields.errorCode;
    this.errorMessage = fields.errorMessage;
    this.requestId = fields.requestId;
    this.instanceId = fields.instanceId;
    this.method = fields.method;
    this.url = fields.url;
    this.attempts = fields.attempts;
    this.bodyExcerpt = fields.bodyExcerpt;
  }
}

/** The API answered 2xx, but the body is not what the API documents. */
export class TaurusDbResponseError extends TaurusDbBackupsError {
  constructor(
    readonly context: ExchangeContext & { status: number; requestId?: string },
    readonly problem: string,
    readonly bodyExcerpt: string,
  ) {
    super(
      `Unexpected response from the TaurusDB API ${describeTarget(context)} (HTTP ${context.status}` +
        `${context.requestId ? `, request id ${context.requestId}` : ""}): ${problem}. Body starts: ${JSON.stringify(bodyExcerpt)}`,
    );
  }
}

/**
 * No usable answer after the allowed retries: no connection, a reset or a timeout, or an answer
 * that could not be read (a body over the size cap, broken compression, a TLS failure, not HTTP).
 */
export class TaurusDbNetworkError extends TaurusDbBackupsError {
  constructor(
    readonly context: ExchangeContext,
    /** e.g. `ECONNRESET`, `ETIMEDOUT`, `ECONNREFUSED`, `EBODYTOOLARGE`, `EBADBODY`, `CERT_HAS_EXPIRED`. */
    readonly code: string,
    detail: string,
    hint?: string,
  ) {
    const noAnswer = NO_ANSWER_CODES.has(code);
    super(
      `${noAnswer ? "No answer from" : "Unusable answer from"} the TaurusDB API ${describeTarget(context)} after ${context.attempts} attempt(s): ` +
        `${code} (${detail}).${hint ? ` ${hint}` : ""}`,
    );
  }
}

/** Failures where nothing came back, as opposed to something that could not be used. */
const NO_ANSWER_CODES = new Set([
  "ETIMEDOUT",
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "EAI_AGAIN",
  "ENOTFOUND",
  "ECONNABORTED",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EABORTED",
]);

/** The whole listing ran out of time (`timeoutMs`). */
export class TaurusDbTimeoutError extends TaurusDbBackupsError {
  constructor(
    readonly instanceId: string,
    readonly timeoutMs: number,
    readonly pagesFetched: number,
  ) {
    super(
      `Listing the backups of instance ${instanceId} did not finish within ${timeoutMs} ms (${pagesFetched} page(s) fetched); raise timeoutMs or check the endpoint.`,
    );
  }
}

/** The backup list kept changing under the scan, or the pages contradict each other. */
export class InconsistentListingError extends TaurusDbBackupsError {
  constructor(
    readonly instanceId: string,
    readonly scans: number,
    /** Why the last scan was rejected. */
    readonly reason: string,
  ) {
    super(
      `The backup list of instance ${instanceId} was not consistent in ${scans} scan(s): ${reason}. ` +
        `No partial or mixed list is returned; try again when backups are not being created or deleted.`,
    );
  }
}

/** `requireLatestCompleted` was set and no COMPLETED backup matched. */
export class NoCompletedBackupError extends TaurusDbBackupsError {
  constructor(
    readonly instanceId: string,
    readonly listed: number,
    readonly matched: number,
  ) {
    super(
      `Instance ${instanceId} has no COMPLETED backup matching the filters (${listed} listed, ${matched} after filters); ` +
        `a restore cannot be wired to it. Relax the filters or wait for a backup to complete.`,
    );
  }
}

/** `maxAge` was set and the newest COMPLETED backup is older: restoring it would lose too much. */
export class BackupTooOldError extends TaurusDbBackupsError {
  constructor(
    readonly instanceId: string,
    readonly backupId: string,
    readonly createdAt: string,
    readonly ageMs: number,
    readonly maxAge: string,
    /** How the caller names the setting: `maxAge`, or `--max-age` on the command line. */
    argument = "maxAge",
  ) {
    super(
      `The newest COMPLETED backup of instance ${instanceId}, ${backupId} (created ${createdAt}), is ${formatAge(ageMs)} old, ` +
        `older than ${argument} ${maxAge}: a restore from it would lose more than ${maxAge} of data. ` +
        `Check the instance's automated backups, or raise ${argument}.`,
    );
  }
}

/** The pinned backup expired or is no longer COMPLETED, and `onExpired` is `"fail"`. */
export class PinnedBackupUnavailableError extends TaurusDbBackupsError {
  constructor(
    readonly instanceId: string,
    readonly backupId: string,
    readonly missingSince: string,
    keepers: readonly string[],
  ) {
    const keeper = keepers.length > 0 ? `change a keeper (${keepers.map((k) => `keepers.${k}`).join(", ")})` : "add or change a keeper";
    super(
      `The pinned backup ${backupId} of instance ${instanceId} is no longer available (not found or not COMPLETED since ${missingSince}), ` +
        `and onExpired is "fail". To pin the newest COMPLETED backup instead, ${keeper}; or set onExpired to "keep" or "repin".`,
    );
  }
}

function describeTarget(context: { instanceId?: string; method: string; url: string }): string {
  const subject = context.instanceId ? `for instance ${context.instanceId}` : "";
  return `${subject} (${context.method} ${context.url})`.trim();
}
