/**
 * One shape for every catalogue of inputs — the listing's arguments (./catalogue.ts), the restore's
 * (../restore/arguments.ts), the resources' own options (./resourceOptions.ts): each entry's rule,
 * and whether it is required, secret or has a default. What every catalogue needs is derived here,
 * once: its names in order, its secret names, a name's default, the names whose entry passes a
 * test, and (../validation/entryIssues.ts) the problems of a bag of values.
 *
 * Rules are typed by zod's core schema type and the value they produce, not by the class a builder
 * returned (`ZodString` with its checks, `ZodPipe`, ...): what a reader of the catalogue needs is
 * what a rule accepts, and the builders' types made every file that touches a catalogue slow to
 * type-check.
 */
import type { z } from "zod";

/** A rule that turns an accepted input into a value of type `T`. */
export type Rule<T = unknown> = z.core.$ZodType<T>;

export interface EntrySpec {
  /** The rule, with messages that say what is allowed. */
  readonly rule: Rule;
  /** Must be given; the rule's message for a missing value says what it must be. */
  readonly required?: boolean;
  /** Never shown in a message, wrapped as a Pulumi secret, never stored in state in plain text. */
  readonly secret?: boolean;
  /** Applied when no source gives a value. */
  readonly default?: unknown;
}

export type Entries = { readonly [name: string]: EntrySpec };

/** The entries as a catalogue keeps them: each rule typed by what it produces. */
export type CatalogueEntries<E extends Entries> = {
  readonly [K in keyof E]: { readonly [P in keyof E[K]]: P extends "rule" ? Rule<z.output<E[K]["rule"]>> : E[K][P] };
};

/** The default of an entry that has one, typed; `undefined` for the others. */
export type DefaultOf<S> = S extends { readonly default: infer D } ? D : undefined;

export interface Catalogue<E extends Entries> {
  readonly entries: CatalogueEntries<E>;
  /** Every name, in the catalogue's order. */
  readonly names: ReadonlyArray<keyof E & string>;
  /** The names whose entry is secret. */
  readonly secretNames: ReadonlySet<string>;
  has(name: string): name is keyof E & string;
  /** The names whose entry passes `test`, in the catalogue's order. */
  where(test: (entry: E[keyof E] & EntrySpec, name: keyof E & string) => boolean): Array<keyof E & string>;
  defaultOf<K extends keyof E>(name: K): DefaultOf<E[K]>;
}

export function defineCatalogue<const E extends Entries>(entries: E): Catalogue<E> {
  const names = Object.keys(entries) as Array<keyof E & string>;
  const where = (test: (entry: E[keyof E] & EntrySpec, name: keyof E & string) => boolean) =>
    names.filter((name) => test(entries[name], name));
  return {
    entries: entries as unknown as CatalogueEntries<E>,
    names,
    secretNames: new Set(where((entry) => entry.secret === true)),
    has: (name): name is keyof E & string => Object.prototype.hasOwnProperty.call(entries, name),
    where,
    defaultOf: (name) => entries[name].default as never,
  };
}

/** True when `A` and `B` are each assignable to the other. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * The names whose rule produces another type than the public interface `I` gives them, both ways
 * (a rule that accepts more, or less, than the interface says); `never` when every rule matches.
 * Each catalogue asserts it once, so a drift is a compile error naming the argument:
 * `type Check = NoneOf<RuleMismatches<typeof CATALOGUE.entries, PublicArgs>>`.
 */
export type RuleMismatches<E, I> = {
  [K in keyof E & keyof I]: E[K] extends { readonly rule: Rule<infer T> } ? (Same<T, NonNullable<I[K]>> extends true ? never : K) : K;
}[keyof E & keyof I];

/** Compiles only when `T` is `never`; the error names what `T` is. */
export type NoneOf<T extends never> = T;
