/**
 * What a rule allows, read off the rule itself (zod's JSON Schema of it): the value's type, its
 * allowed values or range, in words. So the schema of the plugin and the command line's help say
 * what the validation checks, without a second copy of any rule.
 */
import { z } from "zod";
import type { Rule } from "./define";

export type ValueType = "string" | "integer" | "number" | "boolean" | { readonly arrayOf: ValueType } | { readonly mapOf: ValueType };

export interface RuleShape {
  readonly type: ValueType;
  /** `one of "asc", "desc"`, `1 to 100`, `a list of "Db", "Snapshot"`; undefined when any value of the type goes. */
  readonly allowed?: string;
}

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  additionalProperties?: JsonSchema;
}

export function ruleShape(rule: Rule): RuleShape {
  const schema = z.toJSONSchema(rule, { unrepresentable: "any", io: "input" }) as JsonSchema;
  return { type: typeOf(schema), allowed: allowedBy(schema) };
}

function typeOf(schema: JsonSchema): ValueType {
  if (schema.type === "array") return { arrayOf: typeOf(schema.items ?? {}) };
  if (schema.type === "object") return { mapOf: typeOf(schema.additionalProperties ?? {}) };
  if (schema.type === "integer" || schema.type === "number" || schema.type === "boolean") return schema.type;
  return "string";
}

function allowedBy(schema: JsonSchema): string | undefined {
  const values = (list: unknown[]) => list.map((v) => JSON.stringify(v)).join(", ");
  if (schema.enum) return `one of ${values(schema.enum)}`;
  if (schema.type === "array" && schema.items?.enum) return `a list of ${values(schema.items.enum)}`;
  if (schema.minimum !== undefined && schema.maximum !== undefined) return `${schema.minimum} to ${schema.maximum}`;
  return undefined;
}
