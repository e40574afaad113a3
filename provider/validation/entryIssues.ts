/**
 * The one loop that checks values against a catalogue's rules (../arguments/define.ts), for every
 * catalogue: each value present against its entry's rule, a required entry also when it is
 * missing. Values not known yet (a preview) wait until they are. Problems are named by where each
 * value came from, and a secret value is never shown.
 */
import { z } from "zod";
import type { EntrySpec } from "../arguments/define";
import type { ArgumentIssue } from "../errors";
import { toArgumentIssues } from "./issues";

export interface EntryCheck {
  /** The value of a name, `undefined` (or `null`) when it is not given. */
  valueOf(name: string): unknown;
  /** How a problem names the value: where it came from (`stack config taurusdb:region`), else the name. */
  labelOf?(name: string): string | undefined;
  /** Values not known yet: present, but their rules are checked once they are known. */
  isUnknown?(value: unknown): boolean;
}

export function entryIssues(entries: { readonly [name: string]: EntrySpec }, names: readonly string[], check: EntryCheck): ArgumentIssue[] {
  return names.flatMap((name) => {
    const spec = entries[name];
    const value = check.valueOf(name) ?? undefined;
    if ((value === undefined && !spec.required) || check.isUnknown?.(value)) return [];
    const result = z.safeParse(spec.rule, value, { reportInput: true });
    return result.success ? [] : toArgumentIssues(check.labelOf?.(name) ?? name, result.error.issues, spec.secret === true);
  });
}

/** Whether a value passes its entry's rule: for the checks between values, which look only at sound ones. */
export function passes(spec: EntrySpec, value: unknown): boolean {
  return z.safeParse(spec.rule, value).success;
}
