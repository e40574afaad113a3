/**
 * One caller's way to the API: a signed, retried client for its connection settings, and the
 * project id (as given, or found through IAM once). The listing and the restore both talk through
 * one, so every request shares the process's transport and the account's budget.
 */
import type { Language } from "../api/rules";
import { budgetFor } from "../http/budgets";
import { ApiClient, type RetryEvent } from "../http/client";
import type { RequestBudget } from "../http/requestBudget";
import type { BackoffOptions } from "../http/retryPolicy";
import { createTransport, type Transport } from "../http/transport";
import type { ConnectionSettings } from "../validation/validate";
import { findProjectId } from "./findProjectId";

/** How patiently to ask (the transport arguments of the catalogue, validated). */
export interface Patience {
  readonly maxConcurrency: number;
  readonly maxAttempts: number;
  readonly requestTimeoutMs: number;
  readonly language?: Language;
}

/** What a session runs with besides its settings; tests give their own. */
export interface SessionRuntime {
  readonly transport?: Transport;
  /** The account's budget at an endpoint; the process-wide one unless a test gives its own. */
  readonly budgets?: (baseUrl: string) => RequestBudget;
  readonly now?: () => number;
  readonly random?: () => number;
  /** Retry waits; tests shorten them so fault schedules run quickly. */
  readonly backoff?: BackoffOptions;
}

export interface SessionHooks {
  readonly onRetry?: (event: RetryEvent) => void;
  /** Answers that mean "try again later" besides the gateway's (see {@link ApiClient}). */
  readonly retryWhen?: (status: number, errorCode: string | undefined) => boolean;
}

/** Where the calls of one project go: what every typed call takes. */
export interface ProjectScope {
  readonly client: ApiClient;
  /** The TaurusDB service endpoint. */
  readonly endpoint: string;
  readonly projectId: string;
}

export interface ApiSession {
  readonly client: ApiClient;
  /** The TaurusDB service endpoint. */
  readonly endpoint: string;
  /** The project's scope, its id as given or found through IAM; `signal` stops waiting for the lookup. */
  scope(signal: AbortSignal): Promise<ProjectScope>;
}

let sharedTransport: Transport | undefined;

export function openSession(connection: ConnectionSettings, patience: Patience, runtime: SessionRuntime = {}, hooks: SessionHooks = {}): ApiSession {
  const client = new ApiClient({
    credentials: connection.credentials,
    transport: runtime.transport ?? (sharedTransport ??= createTransport()),
    budgets: runtime.budgets ?? ((baseUrl) => budgetFor(baseUrl, connection.credentials, patience.maxConcurrency)),
    maxAttempts: patience.maxAttempts,
    requestTimeoutMs: patience.requestTimeoutMs,
    language: patience.language,
    now: runtime.now,
    random: runtime.random,
    backoff: runtime.backoff,
    onRetry: hooks.onRetry,
    retryWhen: hooks.retryWhen,
  });
  return {
    client,
    endpoint: connection.endpoint,
    scope: async (signal) => ({
      client,
      endpoint: connection.endpoint,
      projectId: connection.projectId ?? (await findProjectId(client, connection.iamEndpoint, connection.region!, connection.credentials, signal)),
    }),
  };
}
