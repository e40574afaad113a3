/**
 * One HTTP exchange, nothing more: no retries, no signing. Built on axios with keep-alive agents,
 * raw text bodies (so a non-JSON answer can be quoted), no redirects (a signed request must not be
 * replayed elsewhere) and a hard deadline covering connect, headers and body.
 */
import axios, { type AxiosInstance } from "axios";
import * as http from "node:http";
import * as https from "node:https";

export interface HttpRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Deadline of this exchange, body included. */
  readonly timeoutMs: number;
  /** Aborts the exchange when the caller gives up (the listing's deadline). */
  readonly signal: AbortSignal;
}

export interface HttpResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
}

/** No response: the connection failed, was reset, or the deadline passed. Holds no request data. */
export class TransportFailure extends Error {
  constructor(
    /** `ETIMEDOUT`, `ECONNRESET`, `ECONNREFUSED`, `EABORTED`, ... */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "TransportFailure";
  }

  /** Worth another attempt: the server may answer next time. */
  get transient(): boolean {
    return TRANSIENT_CODES.has(this.code);
  }
}

const TRANSIENT_CODES = new Set(["ETIMEDOUT", "ECONNRESET", "ECONNREFUSED", "EPIPE", "EAI_AGAIN", "ECONNABORTED", "EHOSTUNREACH", "ENETUNREACH"]);

/** Larger bodies are refused: a page of 100 backups is about 60 KB. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface Transport {
  send(request: HttpRequest): Promise<HttpResponse>;
}

export function createTransport(): Transport {
  const client: AxiosInstance = axios.create({
    httpAgent: new http.Agent({ keepAlive: true }),
    httpsAgent: new https.Agent({ keepAlive: true }),
    responseType: "text",
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    maxRedirects: 0,
    maxContentLength: MAX_BODY_BYTES,
    decompress: true,
    proxy: false,
  });

  return {
    async send(request: HttpRequest): Promise<HttpResponse> {
      const deadline = AbortSignal.timeout(request.timeoutMs);
      try {
        const response = await client.get<string>(request.url, {
          headers: request.headers,
          signal: AbortSignal.any([request.signal, deadline]),
          timeout: request.timeoutMs,
        });
        return {
          status: response.status,
          headers: lowerCaseHeaders(response.headers as Record<string, unknown>),
          body: typeof response.data === "string" ? response.data : String(response.data ?? ""),
        };
      } catch (error) {
        throw toTransportFailure(error, request, deadline);
      }
    },
  };
}

/** Keeps only the code and a short message: axios errors carry the request headers. */
function toTransportFailure(error: unknown, request: HttpRequest, deadline: AbortSignal): TransportFailure {
  if (request.signal.aborted) return new TransportFailure("EABORTED", "the listing was cancelled or ran out of time");
  if (deadline.aborted) return new TransportFailure("ETIMEDOUT", `no complete answer within ${request.timeoutMs} ms`);
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ECONNABORTED" && /timeout/i.test(message)) return new TransportFailure("ETIMEDOUT", message);
  if (code === "ERR_FR_MAX_CONTENT_LENGTH_EXCEEDED" || /maxContentLength/i.test(message)) {
    return new TransportFailure("EBODYTOOLARGE", `the response body exceeded ${MAX_BODY_BYTES} bytes`);
  }
  return new TransportFailure(typeof code === "string" ? code : "EUNKNOWN", message);
}

function lowerCaseHeaders(headers: Record<string, unknown>): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    result[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value === undefined || value === null ? undefined : String(value);
  }
  return result;
}
