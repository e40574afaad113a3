/**
 * What happens to each request, in order:
 *  1. count it, run the mutations and hooks due and take its fault if any (steering/steering.ts);
 *  2. read the body, wait the configured latency;
 *  3. apply a drop, stall or status fault;
 *  4. answer as the gateway would: 414/431/400/413 for a bad request, 404/405 for no such API,
 *     401 for failed authentication, 429 from the rate limit;
 *  5. answer as the API would (apis/dispatch.ts), a list bent by a lieTotal/skip/duplicate fault.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Language } from "../../api/rules";
import { Headers } from "../../api/wire";
import type { ApiContext } from "../apis/apiContext";
import { answerApi } from "../apis/dispatch";
import type { Timers } from "../model/cancellableTimers";
import { apiNotFound, malformedRequest, methodNotAllowed, serverFailure, throttled } from "../replies/apiErrors";
import { languageOf } from "../replies/messages";
import { failureReply, gatewayPageReply, type Reply, writeReply } from "../replies/reply";
import type { Route } from "../sharedTypes";
import { distortionOf, type Fault, type StatusFault } from "../steering/faultPlan";
import type { ArrivalSteering } from "../steering/steering";
import type { GatewayState } from "./gatewayState";
import { type Body, MAX_BODY_BYTES, readBody } from "./requestBody";
import type { LogEntryHandle } from "./requestStats";
import { parseRequestTarget, type RequestTarget } from "./requestTarget";
import { API_METHODS, matchRoute } from "./routes";

/** Longest request target (path and query) answered normally; longer ones get 414. */
export const MAX_URI_LENGTH = 8192;
/** Largest total size of the request headers answered normally; larger ones get 431. */
export const MAX_HEADERS_BYTES = 16 * 1024;

export interface PipelineParts {
  readonly gateway: GatewayState;
  readonly steering: ArrivalSteering;
  /** What the APIs answer from. */
  readonly api: ApiContext;
  readonly timers: Timers;
}

const NO_ROUTE: Route = { name: "other" };

/** A request as first read: its target parsed (undefined when too long or malformed), its API found. */
interface Arrival {
  readonly req: IncomingMessage;
  readonly url: string;
  readonly target: RequestTarget | undefined;
  readonly route: Route;
  readonly language: Language;
}

export class RequestPipeline {
  constructor(private readonly p: PipelineParts) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const language = languageOf(req.headers[Headers.language.toLowerCase()]);
    const url = req.url ?? "/";
    const target = url.length <= MAX_URI_LENGTH ? parseRequestTarget(url) : undefined;
    const arrival: Arrival = { req, url, target, route: target ? matchRoute(target.segments) : NO_ROUTE, language };
    const entry = this.p.gateway.stats.begin({
      method: req.method ?? "",
      path: target?.rawPath ?? url.slice(0, 200),
      query: Object.fromEntries(target?.query ?? []),
      route: arrival.route.name,
    });
    res.once("finish", () => this.p.gateway.stats.answered(entry, res.statusCode));
    res.once("close", () => this.p.gateway.stats.aborted(entry));
    try {
      const fault = this.arrive(arrival, entry);
      const body = await readBody(req);
      await this.p.timers.sleep(this.p.gateway.settings.latencyMs);
      if (fault?.kind === "drop") {
        this.p.gateway.stats.dropped(entry);
        req.socket.resetAndDestroy();
        return;
      }
      if (fault?.kind === "stall") {
        if (fault.ms === undefined) {
          this.p.gateway.stats.stalled(entry);
          return;
        }
        await this.p.timers.sleep(fault.ms);
      }
      const reply = fault?.kind === "status" ? statusFaultReply(fault, language) : this.answer(arrival, body, fault);
      writeReply(res, reply, requestId);
    } catch {
      // A bug in the emulator must not take it down: answer 500 like a broken backend would.
      writeReply(res, failureReply(serverFailure(500), language), requestId);
    }
  }

  /** Counts the request, runs what is due before it, and takes its fault. */
  private arrive({ req, route }: Arrival, entry: LogEntryHandle): Fault | undefined {
    const fault = this.p.steering.arrive({
      sequence: entry.sequence,
      route: route.name,
      method: req.method ?? "",
      path: entry.path,
      query: { ...entry.query },
    });
    if (fault) this.p.gateway.stats.faultGiven(entry, fault.kind);
    return fault;
  }

  private answer({ req, url, target, route, language }: Arrival, body: Body, fault: Fault | undefined): Reply {
    if (url.length > MAX_URI_LENGTH)
      return failureReply(
        malformedRequest(414, (m) => m.uriTooLong(MAX_URI_LENGTH)),
        language,
      );
    if (headersSize(req) > MAX_HEADERS_BYTES)
      return failureReply(
        malformedRequest(431, (m) => m.headersTooLarge()),
        language,
      );
    if (!target)
      return failureReply(
        malformedRequest(400, (m) => m.malformedEncoding()),
        language,
      );
    if ("tooLarge" in body)
      return failureReply(
        malformedRequest(413, (m) => m.bodyTooLarge(MAX_BODY_BYTES)),
        language,
      );
    if (route.name === "other") return failureReply(apiNotFound(), language);
    const method = API_METHODS[route.name];
    if (req.method !== method) return failureReply(methodNotAllowed(req.method ?? "", method), language);

    const received = { method, rawPath: target.rawPath, query: target.query, headers: req.headers, body: body.text };
    const authenticated = this.p.gateway.authenticator.authenticate(received, "projectId" in route ? route.projectId : undefined);
    if ("failure" in authenticated) return failureReply(authenticated.failure, language);

    const admission = this.p.gateway.settings.rateLimit?.take();
    if (admission && !admission.admitted) {
      this.p.gateway.stats.rateLimited();
      return failureReply(throttled(admission.retryAfterSeconds), language);
    }

    return answerApi(this.p.api, route, {
      query: target.query,
      body: body.text,
      contentType: singleHeader(req.headers["content-type"]),
      language,
      distortion: distortionOf(fault),
    });
  }
}

function singleHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}

/** Bytes of the header lines as received (names, values, `: ` and line ends). */
function headersSize(req: IncomingMessage): number {
  let size = 0;
  for (const part of req.rawHeaders) size += part.length + 2;
  return size;
}

function statusFaultReply(fault: StatusFault, language: Language): Reply {
  const retryAfter = fault.retryAfterSeconds;
  if (fault.body === "html") {
    return gatewayPageReply(fault.status, retryAfter === undefined ? undefined : { [Headers.retryAfter]: String(retryAfter) });
  }
  const standard = fault.status === 429 ? throttled(retryAfter) : serverFailure(fault.status, retryAfter);
  const message = fault.errorMsg;
  const failure = {
    ...standard,
    code: fault.errorCode ?? standard.code,
    describe: message === undefined ? standard.describe : () => message,
  };
  return failureReply(failure, language);
}
