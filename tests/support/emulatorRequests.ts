/**
 * Shared helpers of the emulator tests: URLs, token and vendor-signed headers, raw HTTP.
 * Everything goes through real sockets; nothing is mocked.
 */
import { AKSKSigner } from "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner";
import type { ICredential } from "@huaweicloud/huaweicloud-sdk-core/auth/ICredential";
import { connect } from "node:net";
import { JSON_CONTENT_TYPE } from "../../provider/api/instanceWire";
import { authorizationHeader, canonicalQuery, formatSdkDate, type SignableRequest } from "../../provider/api/signature";
import type { WireBackupPage } from "../../provider/api/wire";
import type { RunningEmulator } from "pulumi-taurusdb-backups/emulator";

export function backupsUrl(emulator: RunningEmulator, rawQuery = "", instanceId = emulator.instanceId): string {
  const base = `${emulator.url}/v3/${emulator.projectId}/instances/${instanceId}/backups`;
  return rawQuery === "" ? base : `${base}?${rawQuery}`;
}

export function tokenHeaders(emulator: RunningEmulator, extra: Record<string, string> = {}): Record<string, string> {
  return { "X-Auth-Token": emulator.credentials.authToken, ...extra };
}

export interface SigningInput {
  /** Full URL without the query string. */
  readonly endpoint: string;
  /** Decoded query parameters, as the vendor signer takes them. */
  readonly queryParams?: Record<string, string>;
  readonly accessKey: string;
  readonly secretKey: string;
  readonly projectId?: string;
  readonly securityToken?: string;
  readonly date?: Date;
}

/** Headers signed by the vendor's own signer (`AKSKSigner` of @huaweicloud/huaweicloud-sdk-core). */
export function vendorSignedHeaders(input: SigningInput): Record<string, string> {
  const url = new URL(input.endpoint);
  const headers: Record<string, string> = { host: url.host, "X-Sdk-Date": formatSdkDate(input.date ?? new Date()) };
  if (input.projectId !== undefined) headers["X-Project-Id"] = input.projectId;
  if (input.securityToken !== undefined) headers["X-Security-Token"] = input.securityToken;
  const credential = { getAk: () => input.accessKey, getSk: () => input.secretKey } as unknown as ICredential;
  const signed = AKSKSigner.sign(
    { method: "GET", endpoint: input.endpoint, headers, queryParams: input.queryParams ?? {} },
    credential,
  ) as Record<string, string>;
  // fetch sets Host itself from the URL, to the same value.
  const { host: _host, ...rest } = signed;
  return rest;
}

export async function getJson<T = WireBackupPage>(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await fetch(url, { headers });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as T, headers: response.headers };
}

/** Sends raw bytes on a fresh connection and collects everything until the server closes it. */
export function rawExchange(emulatorUrl: string, bytes: string | Buffer, timeoutMs = 3000): Promise<string> {
  const { hostname, port } = new URL(emulatorUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(Buffer.concat(chunks).toString("utf8"));
    }, timeoutMs);
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString("utf8"));
    });
    socket.end(bytes);
  });
}

export interface SignedFetch {
  /** Scheme, host and port, e.g. the emulator's URL. */
  readonly base: string;
  readonly path: string;
  /** GET without a body, POST with one, unless said otherwise. */
  readonly method?: string;
  /** Decoded query parameters; sent sorted and encoded, as signed. */
  readonly query?: Array<[string, string]>;
  readonly body?: string;
  /** A body sent in place of the one signed. */
  readonly sentBody?: string;
  /** Headers sent and signed; `host` and `X-Sdk-Date` are added. */
  readonly signed?: Record<string, string>;
  /** Headers sent but left out of the signature. */
  readonly unsigned?: Record<string, string>;
  readonly key: { readonly accessKey: string; readonly secretKey: string };
  /** Makes the Authorization value; this package's signer (the client's) unless given. */
  readonly authorize?: (request: SignableRequest, sdkDate: string) => string;
}

export interface ApiAnswer<T> {
  readonly status: number;
  readonly body: T;
  readonly text: string;
  readonly headers: Headers;
}

/** Sends a request signed as described, and reads its JSON answer. */
export async function signedFetch<T = Record<string, unknown>>(f: SignedFetch): Promise<ApiAnswer<T>> {
  const method = f.method ?? (f.body === undefined ? "GET" : "POST");
  const query = f.query ?? [];
  const sdkDate = formatSdkDate(new Date());
  const headers = { ...f.signed, host: new URL(f.base).host, "X-Sdk-Date": sdkDate };
  const request: SignableRequest = { method, path: f.path, query, headers, body: f.body };
  const authorization = f.authorize ? f.authorize(request, sdkDate) : authorizationHeader(f.key, request, sdkDate);
  // fetch sets Host itself, from the URL, to the same value.
  const { host: _host, ...sent } = headers;
  const wireQuery = canonicalQuery(query);
  const response = await fetch(`${f.base}${f.path}${wireQuery ? `?${wireQuery}` : ""}`, {
    method,
    headers: { ...sent, ...f.unsigned, Authorization: authorization },
    body: f.sentBody ?? f.body,
  });
  return answerOf<T>(response);
}

export interface ApiCall {
  readonly method?: string;
  readonly query?: Array<[string, string]>;
  /** Sent with `Content-Type: application/json` unless `headers` say otherwise. */
  readonly body?: string;
  readonly headers?: Record<string, string>;
  /** How the call authenticates: signed with the permanent key (the default), the temporary key, or the token. */
  readonly as?: "permanent" | "temporary" | "token";
}

/**
 * Calls the emulator as the client does: every header it sends signed by this package's own signer
 * (provider/api/signature.ts), `X-Project-Id` included, the body covered by the signature.
 */
export async function callApi<T = Record<string, unknown>>(
  emulator: RunningEmulator,
  path: string,
  call: ApiCall = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { ...(call.body === undefined ? {} : { "Content-Type": JSON_CONTENT_TYPE }), ...call.headers };
  if (call.as === "token") {
    const method = call.method ?? (call.body === undefined ? "GET" : "POST");
    const wireQuery = canonicalQuery(call.query ?? []);
    const url = `${emulator.url}${path}${wireQuery ? `?${wireQuery}` : ""}`;
    return answerOf<T>(
      await fetch(url, { method, headers: { ...headers, "X-Auth-Token": emulator.credentials.authToken }, body: call.body }),
    );
  }
  const temporary = call.as === "temporary";
  const signed = {
    ...headers,
    "X-Project-Id": emulator.projectId,
    ...(temporary ? { "X-Security-Token": emulator.credentials.temporary.securityToken } : {}),
  };
  const key = temporary ? emulator.credentials.temporary : emulator.credentials;
  return signedFetch<T>({ base: emulator.url, path, method: call.method, query: call.query, body: call.body, signed, key });
}

async function answerOf<T>(response: Response): Promise<ApiAnswer<T>> {
  const text = await response.text();
  return { status: response.status, body: (text === "" ? undefined : JSON.parse(text)) as T, text, headers: response.headers };
}
