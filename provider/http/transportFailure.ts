/**
 * An exchange that produced no usable answer, named for what went wrong and what to do about it.
 * It holds no request data: HTTP-library errors carry the request's headers, so they never escape.
 */

export class TransportFailure extends Error {
  constructor(
    /** `ETIMEDOUT`, `ECONNRESET`, `ECONNREFUSED`, `EABORTED`, `EBODYTOOLARGE`, `EBADBODY`, `ETLS`, ... */
    readonly code: string,
    /** What happened, in words. */
    message: string,
    /** What to do about it, when there is something to do. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = "TransportFailure";
  }

  /** Worth another attempt: the server may answer next time. */
  get transient(): boolean {
    return TRANSIENT_CODES.has(this.code);
  }
}

/** Failures before a request left this machine: even a write that must not happen twice can be sent again after one. */
const NEVER_SENT_CODES: ReadonlySet<string> = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/** True when a failure with this code certainly did not deliver the request. */
export function neverSent(code: string): boolean {
  return NEVER_SENT_CODES.has(code);
}

const TRANSIENT_CODES = new Set([
  "ETIMEDOUT",
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "EAI_AGAIN",
  "ECONNABORTED",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ESOCKETTIMEDOUT",
]);

const TLS_CODE = /^(?:ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$|HOSTNAME_MISMATCH)/;

/** A thrown HTTP-library or socket error, as a failure that says what it was. */
export function describeFailure(error: unknown): TransportFailure {
  const code = typeof (error as { code?: unknown })?.code === "string" ? (error as { code: string }).code : "EUNKNOWN";
  const detail = (error instanceof Error ? error.message : String(error)).split("\n")[0].slice(0, 300);
  if (code === "ECONNABORTED" && /timeout/i.test(detail)) return new TransportFailure("ETIMEDOUT", detail);
  if (code.startsWith("Z_") || /incorrect header check|invalid (?:block type|distance)|unexpected end of file/i.test(detail)) {
    return new TransportFailure(
      "EBADBODY",
      `the response body could not be decompressed as its Content-Encoding says (${code}: ${detail})`,
      "A proxy or the endpoint is mangling responses; check the endpoint.",
    );
  }
  if (code === "HPE_HEADER_OVERFLOW") {
    return new TransportFailure(
      code,
      "the response headers are larger than Node.js accepts (16 KB)",
      "This is not the TaurusDB API's answer; check the endpoint and any proxy in between.",
    );
  }
  if (code.startsWith("HPE_")) {
    return new TransportFailure(
      code,
      `the answer is not valid HTTP (${detail})`,
      "Check that the endpoint speaks HTTPS to the TaurusDB API.",
    );
  }
  if (TLS_CODE.test(code)) {
    return new TransportFailure(
      code,
      `the TLS connection failed: ${detail}`,
      "Check the endpoint's certificate and host name; this package never turns certificate checks off.",
    );
  }
  return new TransportFailure(code, detail);
}
