/**
 * The error answers the emulator gives: status, error code, and a message in the caller's language.
 * Codes follow the vendor's families: `APIGW.*` from the API gateway, `DBS.*` from the database
 * service. Where TaurusDB documents no code of its own, the RDS code of the same meaning is used.
 */
import type { InstanceBusyErrorCode } from "../../api/instanceRules";
import { ErrorCodes } from "../../api/wire";
import type { Messages } from "./messages";

export interface ApiFailure {
  readonly status: number;
  readonly code: string;
  readonly describe: (messages: Messages) => string;
  /** Extra response headers, such as `Retry-After`. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Either a value or the error answer explaining why there is none. */
export type Checked<T> = { readonly value: T } | { readonly failure: ApiFailure };

/** Codes beyond the shared `ErrorCodes`, specific to the answers the emulator produces. */
export const EmulatorErrorCodes = {
  /** API gateway: no API at this path (404), also used for a wrong method (405). */
  apiNotFound: "APIGW.0101",
  /** API gateway: malformed request, URI or headers too large (400, 413, 414, 431). */
  badRequest: "APIGW.0201",
  /** API gateway: backend unavailable (502, 503). */
  backendUnavailable: "APIGW.0202",
  /** API gateway: backend timeout (504). */
  backendTimeout: "APIGW.0203",
  /** Database service: not authorized for the project (403). */
  projectNotAccessible: "DBS.200010",
  /** Database service: the instance does not exist (404). */
  instanceNotFound: "DBS.200002",
  /** Database service: server failure (500). */
  serverFailure: "DBS.108000",
  /** Database service: another operation is in progress on the instance (409); the default of `INSTANCE_BUSY_ERROR_CODES`. */
  instanceBusy: "DBS.200019",
  /** Database service: "parameter error" (400), for a job id that names no job. */
  jobNotFound: "DBS.200001",
} as const;

export function authFailure(describe: (m: Messages) => string): ApiFailure {
  return { status: 401, code: ErrorCodes.authFailed, describe };
}

export function invalidParameter(describe: (m: Messages) => string): ApiFailure {
  return { status: 400, code: ErrorCodes.invalidParameter, describe };
}

export function projectNotAccessible(): ApiFailure {
  return { status: 403, code: EmulatorErrorCodes.projectNotAccessible, describe: (m) => m.projectNotAccessible() };
}

export function instanceNotFound(): ApiFailure {
  return { status: 404, code: EmulatorErrorCodes.instanceNotFound, describe: (m) => m.instanceNotFound() };
}

/** 409: the write must wait until the instance is ACTIVE and idle. `status` is the instance's, for the message. */
export function instanceBusy(code: InstanceBusyErrorCode, status: string): ApiFailure {
  return { status: 409, code, describe: (m) => m.instanceBusy(status) };
}

export function jobNotFound(): ApiFailure {
  return { status: 400, code: EmulatorErrorCodes.jobNotFound, describe: (m) => m.jobNotFound() };
}

export function apiNotFound(): ApiFailure {
  return { status: 404, code: EmulatorErrorCodes.apiNotFound, describe: (m) => m.apiNotFound() };
}

export function methodNotAllowed(method: string, allowed: string): ApiFailure {
  return {
    status: 405,
    code: EmulatorErrorCodes.apiNotFound,
    describe: (m) => m.methodNotAllowed(method, allowed),
    headers: { Allow: allowed },
  };
}

/** A request the gateway cannot parse: 400, or 413/414/431 for the too-large kinds. */
export function malformedRequest(status: 400 | 413 | 414 | 431, describe: (m: Messages) => string): ApiFailure {
  return { status, code: EmulatorErrorCodes.badRequest, describe };
}

export function throttled(retryAfterSeconds?: number): ApiFailure {
  return {
    status: 429,
    code: ErrorCodes.throttled,
    describe: (m) => m.throttled(),
    headers: retryAfterSeconds === undefined ? undefined : { "Retry-After": String(retryAfterSeconds) },
  };
}

/** The usual body of a 5xx answer of the given status (JSON form). */
export function serverFailure(status: number, retryAfterSeconds?: number): ApiFailure {
  const headers = retryAfterSeconds === undefined ? undefined : { "Retry-After": String(retryAfterSeconds) };
  if (status === 504) return { status, code: EmulatorErrorCodes.backendTimeout, describe: (m) => m.backendTimeout(), headers };
  if (status === 502 || status === 503) {
    return { status, code: EmulatorErrorCodes.backendUnavailable, describe: (m) => m.backendUnavailable(), headers };
  }
  return { status, code: EmulatorErrorCodes.serverFailure, describe: (m) => m.serverFailure(), headers };
}
