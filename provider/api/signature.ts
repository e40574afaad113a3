/**
 * The `SDK-HMAC-SHA256` request signature of Huawei Cloud's API gateway.
 *
 * One implementation serves both sides: the client signs with it and the emulator verifies with it.
 * Tests hold it byte for byte against the vendor's own signer (`AKSKSigner` in
 * `@huaweicloud/huaweicloud-sdk-core`), so the two sides cannot merely agree with each other.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const SIGNING_ALGORITHM = "SDK-HMAC-SHA256";

/** What the signature covers. Header names may have any case; values are sent exactly as given. */
export interface SignableRequest {
  readonly method: string;
  /** The path as sent on the wire, without a query string. */
  readonly path: string;
  /** Query parameters, decoded. */
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** Every header to sign, `Host` and `X-Sdk-Date` included. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface SigningKey {
  readonly accessKey: string;
  readonly secretKey: string;
}

/**
 * Percent-encodes a string the way the gateway canonicalizes it: UTF-8 bytes, everything but
 * `A-Za-z0-9-._~` escaped with upper-case hex. The wire query uses the same encoding, so the
 * gateway decodes exactly what was signed.
 */
export function encodeComponent(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

/** The query string, sorted by key, as both the wire and the canonical request carry it. */
export function canonicalQuery(query: ReadonlyArray<readonly [string, string]>): string {
  return [...query]
    .sort(([a, av], [b, bv]) => compare(a, b) || compare(av, bv))
    .map(([key, value]) => `${encodeComponent(key)}=${encodeComponent(value)}`)
    .join("&");
}

/**
 * Each path segment of the path *as sent* encoded once more (as the vendor's signer does), always
 * ending in `/` in the canonical form.
 */
export function canonicalPath(path: string): string {
  const encoded = path.split("/").map(encodeComponent).join("/");
  return encoded.endsWith("/") ? encoded : `${encoded}/`;
}

/** Lower-cased, sorted names of the signed headers, joined by `;`. */
export function signedHeaderNames(headers: Readonly<Record<string, string>>): string {
  return Object.keys(headers)
    .map((name) => name.toLowerCase())
    .sort(compare)
    .join(";");
}

export function canonicalRequest(request: SignableRequest): string {
  const names = signedHeaderNames(request.headers);
  const byLowerName = new Map(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v.trim()]));
  const canonicalHeaders = names
    .split(";")
    .map((name) => `${name}:${byLowerName.get(name)}\n`)
    .join("");
  return [
    request.method.toUpperCase(),
    canonicalPath(request.path),
    canonicalQuery(request.query),
    canonicalHeaders,
    names,
    sha256Hex(request.body ?? ""),
  ].join("\n");
}

export function stringToSign(request: SignableRequest, sdkDate: string): string {
  return [SIGNING_ALGORITHM, sdkDate, sha256Hex(canonicalRequest(request))].join("\n");
}

/** The hex signature of a request. `sdkDate` is the `X-Sdk-Date` value, which must also be signed. */
export function signature(secretKey: string, request: SignableRequest, sdkDate: string): string {
  return createHmac("sha256", secretKey).update(stringToSign(request, sdkDate)).digest("hex");
}

/** The `Authorization` header value for a request. */
export function authorizationHeader(key: SigningKey, request: SignableRequest, sdkDate: string): string {
  const names = signedHeaderNames(request.headers);
  const sig = signature(key.secretKey, request, sdkDate);
  return `${SIGNING_ALGORITHM} Access=${key.accessKey}, SignedHeaders=${names}, Signature=${sig}`;
}

/** `X-Sdk-Date` format: `YYYYMMDDTHHMMSSZ`, UTC. */
export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** Parses an `X-Sdk-Date`; undefined when it is not of the form `YYYYMMDDTHHMMSSZ`. */
export function parseSdkDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export interface ParsedAuthorization {
  readonly accessKey: string;
  readonly signedHeaders: string[];
  readonly signature: string;
}

/** Reads an `Authorization` header of this algorithm; undefined when it is not one. */
export function parseAuthorization(value: string): ParsedAuthorization | undefined {
  const m = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(value.trim());
  if (!m) return undefined;
  return { accessKey: m[1], signedHeaders: m[2].split(";"), signature: m[3] };
}

/** Constant-time comparison of two hex signatures. */
export function signaturesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Code-unit order, as the vendor's signer sorts (not locale order). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
