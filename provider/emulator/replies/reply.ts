/**
 * An answer as plain data (status, headers, body), decided first and written once, so that faults
 * and distortions can act on it before anything reaches the socket.
 */
import { STATUS_CODES, type ServerResponse } from "node:http";
import type { Language } from "../../api/rules";
import { Headers } from "../../api/wire";
import type { ApiFailure } from "./apiErrors";
import { messagesFor } from "./messages";

export interface Reply {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

const JSON_TYPE = "application/json;charset=UTF-8";
const HTML_TYPE = "text/html;charset=UTF-8";

export function jsonReply(status: number, value: unknown, headers?: Readonly<Record<string, string>>): Reply {
  return jsonTextReply(status, JSON.stringify(value), headers);
}

/** A JSON answer whose text is already made. */
export function jsonTextReply(status: number, json: string, headers?: Readonly<Record<string, string>>): Reply {
  return { status, contentType: JSON_TYPE, body: json, headers };
}

/** The documented `{ error_code, error_msg }` body. */
export function failureReply(failure: ApiFailure, language: Language): Reply {
  const body = { error_code: failure.code, error_msg: failure.describe(messagesFor(language)) };
  return jsonReply(failure.status, body, failure.headers);
}

/** The bare HTML error page a reverse proxy in front of the gateway sends. */
export function gatewayPageReply(status: number, headers?: Readonly<Record<string, string>>): Reply {
  const title = `${status} ${STATUS_CODES[status] ?? "Error"}`;
  const body = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>api-gateway</center>\r\n</body>\r\n</html>\r\n`;
  return { status, contentType: HTML_TYPE, body, headers };
}

export function writeReply(res: ServerResponse, reply: Reply, requestId: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(reply.status, {
    ...reply.headers,
    "Content-Type": reply.contentType,
    "Content-Length": Buffer.byteLength(reply.body),
    [Headers.requestId]: requestId,
  });
  res.end(reply.body);
}

/** A complete HTTP/1.1 response for a socket the HTTP parser gave up on; the connection then closes. */
export function rawResponse(reply: Reply, requestId: string): string {
  const lines = [
    `HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? "Error"}`,
    `Content-Type: ${reply.contentType}`,
    `Content-Length: ${Buffer.byteLength(reply.body)}`,
    `${Headers.requestId}: ${requestId}`,
    "Connection: close",
  ];
  return `${lines.join("\r\n")}\r\n\r\n${reply.body}`;
}
