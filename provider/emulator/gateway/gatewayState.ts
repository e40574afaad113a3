/**
 * The API gateway's state, shared by the request pipeline and the control: who may call (the
 * authenticator and its lockouts), how fast (latency, rate limit), and what it saw (stats).
 */
import { checkDelay } from "../model/cancellableTimers";
import type { Authenticator } from "./authenticator";
import type { TokenBucket } from "./rateLimit";
import type { StatsRecorder } from "./requestStats";

/** What the control can change in the gateway while it runs. */
export interface GatewaySettings {
  /** Delay before every answer. */
  latencyMs: number;
  rateLimit?: TokenBucket;
}

export interface GatewayState {
  readonly authenticator: Authenticator;
  readonly stats: StatsRecorder;
  readonly settings: GatewaySettings;
}

export function checkLatency(ms: number): number {
  return checkDelay(ms, "latency");
}
