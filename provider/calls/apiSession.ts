/**
 * One caller's way to the API: a signed, retried client for its connection settings, and the
 * project id (as given, or found through IAM once). The listing and the restore both talk through
 * one, so every request shares the process's transport and the account's budget.
 */
import { budgetFor } from "../http/budgets";
import { ApiClient, type ClientOptions } from "../http/client";
import { createTransport, type Transport } from "../http/transport";
import type { ConnectionSettings, TransportSettings } from "../validation/validate";
import { findProjectId } from "./findProjectId";

/**
 * What a session runs with besides its settings, each optional: the process's transport and the
 * account's shared budget unless a test gives its own, and its clock, randomness and retry waits.
 */
export type SessionRuntime = Partial<Pick<ClientOptions, "transport" | "budgets" | "now" | "random" | "backoff">>;

/** What the caller is told, and which answers it wants retried besides the gateway's. */
export type SessionHooks = Pick<ClientOptions, "onRetry" | "retryWhen">;

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

export function openSession(
  connection: ConnectionSettings,
  patience: TransportSettings,
  runtime: SessionRuntime = {},
  hooks: SessionHooks = {},
): ApiSession {
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
      projectId:
        connection.projectId ?? (await findProjectId(client, connection.iamEndpoint, connection.region!, connection.credentials, signal)),
    }),
  };
}
