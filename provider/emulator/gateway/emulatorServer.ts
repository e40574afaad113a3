/**
 * The HTTP server around the pipeline: listens on loopback, answers requests the HTTP parser
 * rejects (oversized heads, garbage) with a clean 4xx instead of a bare disconnect, and closes
 * promptly, destroying every socket — stalled ones included.
 */
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Timers } from "../model/cancellableTimers";
import { type ApiFailure, malformedRequest } from "../replies/apiErrors";
import { failureReply, rawResponse } from "../replies/reply";
import type { RequestPipeline } from "./requestPipeline";
import type { StatsRecorder } from "./requestStats";

/**
 * Largest request head (request line and headers) the HTTP parser accepts; larger ones get 431.
 * It is generous so that the pipeline, which sees the parsed request, can tell a long URI (414)
 * from large headers (431) below it.
 */
export const MAX_HEAD_BYTES = 1024 * 1024;

/** How long a rejected connection is read from before it is closed. */
const LINGER_MS = 2_000;

export class EmulatorServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  /** Connections answered after a parse error, read from until they close. */
  private readonly lingering = new WeakSet<Socket>();
  private closing?: Promise<void>;

  constructor(
    pipeline: RequestPipeline,
    private readonly stats: StatsRecorder,
    private readonly timers: Timers,
  ) {
    this.server = createServer({ maxHeaderSize: MAX_HEAD_BYTES }, (req, res) => {
      void pipeline.handle(req, res);
    });
    this.server.on("connection", (socket: Socket) => {
      this.sockets.add(socket);
      socket.once("close", () => this.sockets.delete(socket));
    });
    this.server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
      this.rejectConnection(error, socket);
    });
  }

  listen(host: string, port: number): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.server.once("error", onError);
      this.server.listen(port, host, () => {
        this.server.off("error", onError);
        resolve(this.server.address() as AddressInfo);
      });
    });
  }

  close(): Promise<void> {
    this.closing ??= new Promise((resolve) => {
      this.timers.cancelAll();
      this.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
    });
    return this.closing;
  }

  /** The parser gave up on this connection; say why in the API's error format, then close it. */
  private rejectConnection(error: NodeJS.ErrnoException, socket: Socket): void {
    // The parser reports again for each further chunk of a connection already answered.
    if (this.lingering.has(socket)) return;
    this.stats.rejectedConnection();
    if (error.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    const reply = failureReply(rejection(error), "en-us");
    socket.end(rawResponse(reply, randomUUID()));
    // A lingering close, as gateways do: read what the client is still sending before the socket
    // closes, else the unread bytes make the kernel reset the connection and the client may lose
    // the answer. The client's own close, or the time limit, ends it.
    this.lingering.add(socket);
    socket.on("data", () => undefined);
    void this.timers.sleep(LINGER_MS).then(() => socket.destroy());
  }
}

function rejection(error: NodeJS.ErrnoException): ApiFailure {
  if (error.code === "HPE_HEADER_OVERFLOW") return malformedRequest(431, (m) => m.headersTooLarge());
  return malformedRequest(400, (m) => m.badRequest());
}
