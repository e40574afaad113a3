/**
 * One HTTP exchange, nothing more: no retries, no signing. Built on axios with keep-alive agents,
 * no redirects (a signed request must not be replayed elsewhere), no proxy from the environment,
 * and a hard deadline covering connect, headers and body. The body is read as a stream, so its
 * size is bounded as it arrives (decompressed), and large bodies take turns (./bodyGate.ts): a
 * hostile or broken server cannot multiply memory by the concurrency.
 */
import axios, { type AxiosInstance } from "axios";
import * as http from "node:http";
import * as https from "node:https";
import type { Readable } from "node:stream";
import { BodyGate, LARGE_BODY_BYTES } from "./bodyGate";
import { describeFailure, TransportFailure } from "./transportFailure";

export { TransportFailure } from "./transportFailure";

export interface HttpRequest {
  readonly method: "GET" | "POST";
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Deadline of this exchange, body included. */
  readonly timeoutMs: number;
  /** Aborts the exchange when the caller gives up (the listing failed, was abandoned or timed out). */
  readonly signal: AbortSignal;
}

export interface HttpResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
}

export interface Transport {
  send(request: HttpRequest): Promise<HttpResponse>;
}

/** Larger bodies are refused: a page of 100 backups is about 60 KB, and 100 KB with the longest texts the API allows. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface TransportOptions {
  readonly maxBodyBytes?: number;
  /** Shared by every transport of the process unless a test gives its own. */
  readonly bodyGate?: BodyGate;
}

const processBodyGate = new BodyGate(1);

export function createTransport(options: TransportOptions = {}): Transport {
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const gate = options.bodyGate ?? processBodyGate;
  const client: AxiosInstance = axios.create({
    httpAgent: new http.Agent({ keepAlive: true }),
    httpsAgent: new https.Agent({ keepAlive: true }),
    responseType: "stream",
    validateStatus: () => true,
    maxRedirects: 0,
    decompress: true,
    proxy: false,
  });

  return {
    async send(request: HttpRequest): Promise<HttpResponse> {
      const deadline = AbortSignal.timeout(request.timeoutMs);
      const signal = AbortSignal.any([request.signal, deadline]);
      try {
        const response = await client.request<Readable>({
          method: request.method,
          url: request.url,
          headers: request.headers,
          data: request.body,
          signal,
          timeout: request.timeoutMs,
        });
        const body = await readBody(response.data, maxBodyBytes, gate, signal);
        return { status: response.status, headers: lowerCaseHeaders(response.headers as Record<string, unknown>), body };
      } catch (error) {
        // Stryker disable next-line ConditionalExpression: describeFailure() gives a TransportFailure back unchanged in code and message
        if (error instanceof TransportFailure) throw error;
        if (request.signal.aborted)
          throw new TransportFailure("EABORTED", "the request was cancelled: its listing failed, was abandoned or ran out of time");
        if (deadline.aborted) throw new TransportFailure("ETIMEDOUT", `no complete answer within ${request.timeoutMs} ms`);
        throw describeFailure(error);
      }
    },
  };
}

/** The whole body as text, refused past `maxBodyBytes`; past {@link LARGE_BODY_BYTES} it waits for a large-body turn. */
async function readBody(stream: Readable, maxBodyBytes: number, gate: BodyGate, signal: AbortSignal): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  let releaseLarge: (() => void) | undefined;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBodyBytes) {
        throw new TransportFailure(
          "EBODYTOOLARGE",
          `the response body is larger than ${maxBodyBytes} bytes, far more than a page of backups; check the endpoint`,
        );
      }
      if (releaseLarge === undefined && size > LARGE_BODY_BYTES) releaseLarge = await gate.acquire(signal);
      chunks.push(chunk);
    }
    // One flat string: a rope of chunk strings would be copied again by JSON.parse.
    const text = Buffer.concat(chunks, size).toString("utf8");
    chunks.length = 0;
    return text;
  } finally {
    stream.destroy();
    releaseLarge?.();
  }
}

function lowerCaseHeaders(headers: Record<string, unknown>): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    result[name.toLowerCase()] = Array.isArray(value)
      ? value.join(", ")
      : // Stryker disable next-line ConditionalExpression,LogicalOperator: Node gives no header as undefined or null
        value === undefined || value === null
        ? undefined
        : String(value);
  }
  return result;
}
