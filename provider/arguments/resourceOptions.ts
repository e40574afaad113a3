/**
 * Inputs the resources take besides the listing's arguments (./catalogue.ts), in the same form:
 * the rule each value must follow and its default.
 */
import { z } from "zod";
import { oneOf } from "./catalogue";
import { defineCatalogue, type EntrySpec } from "./define";

/** A resource's own input: a rule and maybe a default, never required or secret. */
export type OptionSpec = Pick<EntrySpec, "rule" | "default">;

/** What `LatestCompletedBackup` does when a refresh finds its pinned backup expired or no longer COMPLETED. */
export const ON_EXPIRED = ["keep", "repin", "fail"] as const;
export type OnExpired = (typeof ON_EXPIRED)[number];

/** `keepers`: a change to any of them makes a new choice (a new pin, a new restore). */
export const KEEPERS_RULE = z.record(z.string(), z.string({ error: "must be a string" }), { error: "must be a map of strings" });

export const PIN_OPTIONS = defineCatalogue({
  keepers: { rule: KEEPERS_RULE },
  onExpired: { rule: z.enum(ON_EXPIRED, { error: oneOf(ON_EXPIRED) }), default: "keep" as OnExpired },
} satisfies Record<string, OptionSpec>);

export const LIVE_OPTIONS = defineCatalogue({
  summaryOnly: { rule: z.boolean({ error: "must be true or false" }), default: false },
} satisfies Record<string, OptionSpec>);
