/**
 * Inputs the resources take besides the listing's arguments (./catalogue.ts), in the same form:
 * the rule each value must follow and its default.
 */
import { z } from "zod";
import { oneOf } from "./catalogue";

export interface OptionSpec {
  readonly rule: z.ZodType;
  readonly default?: unknown;
}

/** What `LatestCompletedBackup` does when a refresh finds its pinned backup expired or no longer COMPLETED. */
export const ON_EXPIRED = ["keep", "repin", "fail"] as const;
export type OnExpired = (typeof ON_EXPIRED)[number];

export const PIN_OPTIONS = {
  /** A change to any keeper pins anew. */
  keepers: { rule: z.record(z.string(), z.string({ error: "must be a string" }), { error: "must be a map of strings" }) },
  onExpired: { rule: z.enum(ON_EXPIRED, { error: oneOf(ON_EXPIRED) }), default: "keep" satisfies OnExpired },
} as const satisfies Record<string, OptionSpec>;

export const LIVE_OPTIONS = {
  summaryOnly: { rule: z.boolean({ error: "must be true or false" }), default: false },
} as const satisfies Record<string, OptionSpec>;
