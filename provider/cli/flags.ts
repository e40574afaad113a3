/**
 * The listing's flags, derived from the argument catalogue: each argument that is not secret has
 * the flag `flagOf` gives it, and the form of its value is read off its rule (an integer, a list
 * of allowed values, yes/no, or text). Values are converted only as far as the rule needs to see
 * them; the rules themselves judge them, in the one validation pass every entry point runs.
 */
import { z } from "zod";
import { ARGUMENT_NAMES, ARGUMENTS, flagOf, type ArgumentKind, type ArgumentName, type ArgumentSpec } from "../arguments/catalogue";
import type { Rule } from "../arguments/define";
import { FLAG_SUMMARIES, type FlaggedName } from "./flagSummaries";

export type ValueForm = "text" | "integer" | "boolean" | "list";

export interface ListingFlag {
  readonly name: FlaggedName;
  /** Without the leading `--`. */
  readonly flag: string;
  readonly form: ValueForm;
  readonly kind: ArgumentKind;
  readonly required: boolean;
  /** The values the rule allows, when it names them (an enum, or a list of one). */
  readonly allowed?: readonly string[];
  /** The bounds of an integer. */
  readonly range?: readonly [number, number];
  readonly default?: unknown;
  /** Environment variables read when the flag is not given. */
  readonly env: readonly string[];
  readonly placeholder: string;
  readonly summary: string;
}

function describeRule(rule: Rule): Pick<ListingFlag, "form" | "allowed" | "range"> {
  if (rule instanceof z.ZodNumber) return { form: "integer", range: [rule.minValue ?? -Infinity, rule.maxValue ?? Infinity] };
  if (rule instanceof z.ZodBoolean) return { form: "boolean" };
  if (rule instanceof z.ZodArray)
    return { form: "list", allowed: rule.element instanceof z.ZodEnum ? (rule.element.options as string[]) : undefined };
  if (rule instanceof z.ZodEnum) return { form: "text", allowed: rule.options as string[] };
  return { form: "text" };
}

function placeholderOf(form: ValueForm, value: string | undefined): string {
  if (value) return `<${value}>`;
  return form === "integer" ? "<n>" : form === "list" ? "<a,b>" : form === "boolean" ? "" : "<value>";
}

/** Every flag of a listing, in catalogue order. */
export const LISTING_FLAGS: readonly ListingFlag[] = ARGUMENT_NAMES.flatMap((name): ListingFlag[] => {
  const flag = flagOf(name);
  if (flag === undefined) return [];
  const spec: ArgumentSpec = ARGUMENTS[name];
  const summary = FLAG_SUMMARIES[name as FlaggedName];
  const described = describeRule(spec.rule);
  return [
    {
      name: name as FlaggedName,
      flag,
      kind: spec.kind,
      required: Boolean(spec.required),
      default: spec.default,
      env: spec.env ?? [],
      placeholder: placeholderOf(described.form, summary.value),
      summary: summary.text,
      ...described,
    },
  ];
});

/** How messages name an argument on the command line: by its flag. */
export function flagLabel(name: ArgumentName): string {
  const flag = flagOf(name);
  return flag === undefined ? name : `--${flag}`;
}

/** The `node:util` `parseArgs` options of these flags. */
export function parseArgsOptions(flags: readonly ListingFlag[]): Record<string, { type: "string" | "boolean"; multiple?: boolean }> {
  return Object.fromEntries(
    flags.map((f) => [f.flag, f.form === "boolean" ? { type: "boolean" } : { type: "string", multiple: f.form === "list" }]),
  );
}

/**
 * The listing's arguments from parsed flag values. Integers that are not integers stay text, so
 * the rule says what is allowed; lists are comma-separated, and a flag given twice adds to its list.
 */
export function argumentsFromFlags(flags: readonly ListingFlag[], values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const f of flags) {
    const value = values[f.flag];
    if (value === undefined) continue;
    args[f.name] = convert(f.form, value);
  }
  return args;
}

function convert(form: ValueForm, value: unknown): unknown {
  switch (form) {
    case "integer":
      return typeof value === "string" && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
    case "list":
      return (value as string[])
        .flatMap((part) => part.split(","))
        .map((item) => item.trim())
        .filter((item) => item !== "");
    default:
      return value;
  }
}
