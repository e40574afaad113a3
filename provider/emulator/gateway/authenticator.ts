/**
 * Authentication as the API gateway performs it, on every route: an IAM token in `X-Auth-Token`,
 * or an `SDK-HMAC-SHA256` signature verified by rebuilding the canonical request from what was
 * received (raw path, decoded query, the signed headers' values, the body) — with the shared signer
 * unless another verifier is injected (see signatureVerifier.ts). Every header a client must sign
 * has to be listed in `SignedHeaders` when it is sent. Five signature mismatches in a row lock an
 * access key for five minutes.
 */
import type { IncomingHttpHeaders } from "node:http";
import { parseAuthorization, parseSdkDate, signaturesEqual } from "../../api/signature";
import { Headers } from "../../api/wire";
import type { EmulatorCredentials } from "../model/issuedIdentity";
import { type ApiFailure, authFailure, type Checked } from "../replies/apiErrors";
import type { QueryPairs } from "../sharedTypes";
import { sharedSignerVerifier, type SignatureVerifier } from "./signatureVerifier";

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MS = 5 * 60_000;

/** What a request is authenticated as. */
export type Principal =
  { readonly kind: "token" } | { readonly kind: "signature"; readonly accessKey: string; readonly temporary: boolean };

/** The parts of a received request a signature covers. */
export interface ReceivedRequest {
  readonly method: string;
  readonly rawPath: string;
  readonly query: QueryPairs;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface AuthenticatorOptions {
  readonly maxClockSkewSeconds: number;
  /** The gateway's clock, for `X-Sdk-Date` and lockouts. */
  readonly clock?: () => number;
  /** Computes the expected signature; the shared signer unless said otherwise. */
  readonly verifier?: SignatureVerifier;
}

/** Headers that must be signed whenever they are sent; `host` and `x-sdk-date` always. */
const SIGNED_WHEN_SENT = [Headers.projectId, Headers.securityToken].map((name) => name.toLowerCase());
const ALWAYS_SIGNED = ["host", Headers.sdkDate.toLowerCase()];
const CONTENT_TYPE = "content-type";

interface KeyPair {
  readonly secretKey: string;
  /** Set for a temporary key: the `X-Security-Token` it must come with. */
  readonly securityToken?: string;
}

interface FailureRecord {
  consecutive: number;
  lockedUntil: number;
}

export class Authenticator {
  private readonly keys: ReadonlyMap<string, KeyPair>;
  private readonly failures = new Map<string, FailureRecord>();
  private readonly clock: () => number;
  private readonly verifier: SignatureVerifier;

  constructor(
    private readonly credentials: EmulatorCredentials,
    private readonly options: AuthenticatorOptions,
  ) {
    this.clock = options.clock ?? Date.now;
    this.verifier = options.verifier ?? sharedSignerVerifier;
    this.keys = new Map<string, KeyPair>([
      [credentials.accessKey, { secretKey: credentials.secretKey }],
      [credentials.temporary.accessKey, { secretKey: credentials.temporary.secretKey, securityToken: credentials.temporary.securityToken }],
    ]);
  }

  /**
   * `expectedProjectId` is the project of the request path, where there is one: an `X-Project-Id`
   * header naming another project is refused.
   */
  authenticate(request: ReceivedRequest, expectedProjectId?: string): Checked<Principal> {
    const projectHeader = header(request.headers, Headers.projectId);
    if (expectedProjectId !== undefined && projectHeader !== undefined && projectHeader !== expectedProjectId) {
      return refuse((m) => m.projectHeaderMismatch());
    }
    const token = header(request.headers, Headers.authToken);
    if (token !== undefined) {
      return sameText(token, this.credentials.authToken) ? { value: { kind: "token" } } : refuse((m) => m.tokenInvalid());
    }
    const authorization = header(request.headers, Headers.authorization);
    if (authorization === undefined) return refuse((m) => m.authMissing());
    return this.verifySignature(request, authorization);
  }

  /** Lifts the lockout of one access key, or of all. */
  unlock(accessKey?: string): void {
    if (accessKey === undefined) this.failures.clear();
    else this.failures.delete(accessKey);
  }

  private verifySignature(request: ReceivedRequest, authorization: string): Checked<Principal> {
    const parsed = parseAuthorization(authorization);
    if (!parsed) return refuse((m) => m.authorizationMalformed());
    const key = this.keys.get(parsed.accessKey);
    if (!key) return refuse((m) => m.accessKeyUnknown());
    const now = this.clock();
    const lockedFor = this.lockedFor(parsed.accessKey, now);
    if (lockedFor > 0) return refuse((m) => m.accessKeyLocked(Math.ceil(lockedFor / 60_000)));
    if (key.securityToken !== undefined && !sameText(header(request.headers, Headers.securityToken), key.securityToken)) {
      return refuse((m) => m.securityTokenInvalid());
    }
    const signedNames = parsed.signedHeaders.map((name) => name.toLowerCase());
    const unsigned = mustBeSigned(request).find((name) => !signedNames.includes(name));
    if (unsigned !== undefined) return refuse((m) => m.headerNotSigned(unsigned));
    const sdkDate = header(request.headers, Headers.sdkDate) ?? "";
    const signedAt = parseSdkDate(sdkDate);
    if (!signedAt) return refuse((m) => m.sdkDateMalformed());
    if (Math.abs(now - signedAt.getTime()) > this.options.maxClockSkewSeconds * 1000) {
      return refuse((m) => m.sdkDateSkewed(this.options.maxClockSkewSeconds));
    }
    const signedHeaders: Record<string, string> = {};
    for (const name of signedNames) {
      const value = header(request.headers, name);
      if (value === undefined) return refuse((m) => m.signedHeaderAbsent(name));
      signedHeaders[name] = value;
    }
    const expected = this.verifier({
      accessKey: parsed.accessKey,
      secretKey: key.secretKey,
      method: request.method,
      rawPath: request.rawPath,
      query: request.query,
      headers: signedHeaders,
      body: request.body,
      sdkDate,
    });
    if (!signaturesEqual(parsed.signature, expected)) {
      this.recordFailure(parsed.accessKey, now);
      return refuse((m) => m.signatureMismatch());
    }
    this.failures.delete(parsed.accessKey);
    return { value: { kind: "signature", accessKey: parsed.accessKey, temporary: key.securityToken !== undefined } };
  }

  private lockedFor(accessKey: string, now: number): number {
    const record = this.failures.get(accessKey);
    return record ? Math.max(0, record.lockedUntil - now) : 0;
  }

  private recordFailure(accessKey: string, now: number): void {
    const record = this.failures.get(accessKey) ?? { consecutive: 0, lockedUntil: 0 };
    record.consecutive++;
    if (record.consecutive >= LOCKOUT_THRESHOLD) {
      record.consecutive = 0;
      record.lockedUntil = now + LOCKOUT_MS;
    }
    this.failures.set(accessKey, record);
  }
}

/**
 * The headers this request must have signed: `host` and `x-sdk-date`, `x-project-id` and
 * `x-security-token` when sent, and `content-type` when sent with a body.
 */
function mustBeSigned(request: ReceivedRequest): string[] {
  const sent = SIGNED_WHEN_SENT.filter((name) => header(request.headers, name) !== undefined);
  const bodyType = request.body !== "" && header(request.headers, CONTENT_TYPE) !== undefined ? [CONTENT_TYPE] : [];
  return [...ALWAYS_SIGNED, ...sent, ...bodyType];
}

function refuse(describe: Parameters<typeof authFailure>[0]): { failure: ApiFailure } {
  return { failure: authFailure(describe) };
}

/** A header's received value; repeated headers arrive joined, as Node joins them. */
function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** Constant-time equality of a received secret with the expected one. */
function sameText(received: string | undefined, expected: string): boolean {
  return received !== undefined && signaturesEqual(received, expected);
}
