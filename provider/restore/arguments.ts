/**
 * The restore's own arguments, in the form of the listing's catalogue (./catalogue.ts): each once,
 * with its rule, default and secrecy, and what a change to it means for a restore already done —
 * `replace` (a new restore) or `update` (recorded, never restored again). The restore also takes
 * the listing's connection, credential and transport arguments as they are
 * ({@link RESTORE_LISTING_NAMES}): settings, whose change never restores again either.
 *
 * The public shape with its documentation is `RestoreArgs` in ../types.ts; the `satisfies` below
 * makes a missing or extra entry a compile error, and `RestoreRulesMatchTypes` checks the types.
 */
import { z } from "zod";
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_CHARACTER_KINDS,
  PASSWORD_MIN_LENGTH,
  PASSWORD_SPECIAL_CHARACTERS,
  passwordProblem,
  RESTORE_TYPES,
  type PasswordProblem,
} from "../api/instanceRules";
import type { RestoreArgs } from "../types";
import { durationRule, enumOf, instanceIdRule, instantRule, integer, namesOf, type ArgumentName } from "../arguments/catalogue";
import { parseDuration } from "../arguments/duration";
import { defineCatalogue, type EntrySpec, type NoneOf, type RuleMismatches } from "../arguments/define";
import { KEEPERS_RULE } from "../arguments/resourceOptions";

/** What a change to the argument does to a restore already done. */
export type RestoreChange = "replace" | "update";

export interface RestoreArgumentSpec extends EntrySpec {
  readonly onChange: RestoreChange;
}

const PASSWORD_PROBLEMS: Record<PasswordProblem, string> = {
  length: `must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long`,
  character: `must use only letters, digits and ${PASSWORD_SPECIAL_CHARACTERS}`,
  kinds: `must mix at least ${PASSWORD_MIN_CHARACTER_KINDS} of: upper case letters, lower case letters, digits, special characters (${PASSWORD_SPECIAL_CHARACTERS})`,
};

const passwordRule = z.string({ error: "must be a string" }).superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: PASSWORD_PROBLEMS[problem] });
});

/** The longest restore a stack waits for: a week is a mistake, not a patience. */
const MAX_RESTORE_TIMEOUT = "1d";

/** The restore's catalogue: its entries, names, secrets and defaults (see ../arguments/define.ts). */
export const RESTORE = defineCatalogue({
  sourceInstanceId: { onChange: "replace", required: true, rule: instanceIdRule },
  targetInstanceId: { onChange: "replace", required: true, rule: instanceIdRule },
  type: { onChange: "replace", default: "backup", rule: enumOf(RESTORE_TYPES) },
  backupId: {
    onChange: "replace",
    rule: z
      .string({ error: "must be a backup id string" })
      .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'must be a backup id: 1 to 64 letters, digits, "-" or "_" (the API\'s look like "…br01")' }),
  },
  restoreTime: {
    onChange: "replace",
    rule: instantRule.refine((value) => value.includes("T"), {
      error: 'must have a time of day and a zone, e.g. "2026-01-04T09:30:00Z", not a date alone',
    }),
  },
  keepers: { onChange: "replace", rule: KEEPERS_RULE },
  allowRestoreIntoSource: { onChange: "update", default: false, rule: z.boolean({ error: "must be true or false" }) },
  adminPassword: { onChange: "update", secret: true, rule: passwordRule },
  restoreTimeout: {
    onChange: "update",
    default: "60m",
    rule: durationRule.refine((value) => parseDuration(value) <= parseDuration(MAX_RESTORE_TIMEOUT), {
      error: `must be at most ${MAX_RESTORE_TIMEOUT}`,
    }),
  },
  pollIntervalSeconds: { onChange: "update", default: 15, rule: integer(1, 300) },
} satisfies { readonly [K in keyof Required<RestoreArgs>]: RestoreArgumentSpec });

export const RESTORE_ARGUMENTS = RESTORE.entries;
export type RestoreArgumentName = keyof typeof RESTORE_ARGUMENTS;

export type RestoreRulesMatchTypes = NoneOf<RuleMismatches<typeof RESTORE_ARGUMENTS, Required<RestoreArgs>>>;

export const RESTORE_ARGUMENT_NAMES = RESTORE.names;

/** The listing's arguments a restore takes as they are: where the API is, as whom, how patiently. */
export const RESTORE_LISTING_NAMES: readonly ArgumentName[] = namesOf("connection", "credential", "transport");

/** Inputs whose change is a new restore. */
export const RESTORE_REPLACE_NAMES: readonly RestoreArgumentName[] = RESTORE.where((entry) => entry.onChange === "replace");

/** The restore's own secret inputs. */
export const RESTORE_SECRET_NAMES: readonly RestoreArgumentName[] = RESTORE.where((entry) => entry.secret === true);

/** The default of a restore argument, or undefined. */
export const restoreDefaultOf = RESTORE.defaultOf;
