/** Adds the authentication headers to a request: a token, or an `SDK-HMAC-SHA256` signature. */
import { Headers } from "../api/wire";
import { authorizationHeader, canonicalQuery, formatSdkDate } from "../api/signature";
import type { Credentials } from "./credentials";

export interface UnsignedRequest {
  readonly method: "GET" | "POST";
  /** Scheme, host and optional base path, without a trailing slash. */
  readonly baseUrl: string;
  /** API path, e.g. `/v3/{project}/instances/{instance}/backups`. */
  readonly path: string;
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** Headers that are part of the request proper (e.g. `X-Language`, `X-Project-Id`, `Content-Type`); all are signed. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as sent; its hash is signed. */
  readonly body?: string;
}

export interface AuthenticatedRequest {
  /** The URL as sent, with the query encoded exactly as signed. */
  readonly url: string;
  readonly headers: Record<string, string>;
  /** The `Authorization` value, if signed: a secret of this request, for redaction. */
  readonly authorization?: string;
}

export function authenticate(request: UnsignedRequest, credentials: Credentials, now: Date): AuthenticatedRequest {
  // The wire query is the canonical one: sorted and encoded the way the gateway re-encodes it.
  const encodedQuery = canonicalQuery(request.query);
  const base = new URL(request.baseUrl);
  const path = `${base.pathname.replace(/\/+$/, "")}${request.path}`;
  const url = `${base.protocol}//${base.host}${path}${encodedQuery ? `?${encodedQuery}` : ""}`;

  if (credentials.kind === "token") {
    return { url, headers: { ...request.headers, [Headers.authToken]: credentials.token } };
  }

  const signed: Record<string, string> = {
    ...request.headers,
    host: base.host,
    [Headers.sdkDate]: formatSdkDate(now),
  };
  if (credentials.securityToken) signed[Headers.securityToken] = credentials.securityToken;
  const authorization = authorizationHeader(
    credentials,
    { method: request.method, path, query: request.query, headers: signed, body: request.body },
    signed[Headers.sdkDate],
  );
  return { url, headers: { ...signed, [Headers.authorization]: authorization }, authorization };
}
