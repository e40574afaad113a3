/**
 * The query parameters of ShowInstanceBackups, checked against the vendor's rules.
 *
 * Choices where the vendor page is silent:
 * - `order_field` without `order_rule` sorts descending (like the default newest-first list);
 *   `order_rule` without `order_field` orders by `beginTime`.
 * - `filter_field` and `filter_content` go together: either one alone is a 400. An empty
 *   `filter_content` matches every name.
 * - A known parameter given twice is a 400; unknown parameters are ignored.
 */
import {
  FILTER_FIELDS,
  ORDER_FIELDS,
  ORDER_RULES,
  type OrderField,
  type OrderRule,
  PAGE_SIZE_DEFAULT,
  PAGE_SIZE_MAX,
  PAGE_SIZE_MIN,
} from "../../api/rules";
import type { WireBackupQuery } from "../../api/wire";
import type { PageRequest } from "../model/backupStore";
import { type Checked, invalidParameter } from "../replies/apiErrors";
import type { QueryPairs } from "../sharedTypes";
import { integerParameter, knownParameters } from "./queryParameters";

export const DEFAULT_ORDER_FIELD: OrderField = "beginTime";
export const DEFAULT_ORDER_RULE: OrderRule = "desc";

type ParameterName = keyof WireBackupQuery;
const PARAMETER_NAMES: readonly ParameterName[] = ["offset", "limit", "order_field", "order_rule", "filter_field", "filter_content"];

export function parseListQuery(pairs: QueryPairs): Checked<PageRequest> {
  const known = knownParameters(pairs, PARAMETER_NAMES);
  if ("failure" in known) return known;
  const given = known.value;
  const offset = integerParameter(given, "offset", 0, undefined);
  if ("failure" in offset) return offset;
  const limit = integerParameter(given, "limit", PAGE_SIZE_MIN, PAGE_SIZE_MAX);
  if ("failure" in limit) return limit;
  const orderField = choiceParameter(given, "order_field", ORDER_FIELDS);
  if ("failure" in orderField) return orderField;
  const orderRule = choiceParameter(given, "order_rule", ORDER_RULES);
  if ("failure" in orderRule) return orderRule;
  const filterField = choiceParameter(given, "filter_field", FILTER_FIELDS);
  if ("failure" in filterField) return filterField;
  const filterContent = given.get("filter_content");
  if (filterField.value !== undefined && filterContent === undefined) {
    return { failure: invalidParameter((m) => m.requiresCompanion("filter_field", "filter_content")) };
  }
  if (filterField.value === undefined && filterContent !== undefined) {
    return { failure: invalidParameter((m) => m.requiresCompanion("filter_content", "filter_field")) };
  }
  return {
    value: {
      offset: offset.value ?? 0,
      limit: limit.value ?? PAGE_SIZE_DEFAULT,
      orderField: orderField.value ?? DEFAULT_ORDER_FIELD,
      orderRule: orderRule.value ?? DEFAULT_ORDER_RULE,
      nameContains: filterContent,
    },
  };
}

function choiceParameter<T extends string>(
  given: ReadonlyMap<ParameterName, string>,
  name: ParameterName,
  allowed: readonly T[],
): Checked<T | undefined> {
  const text = given.get(name);
  if (text === undefined) return { value: undefined };
  const choice = allowed.find((a) => a === text);
  return choice === undefined ? { failure: invalidParameter((m) => m.notOneOf(name, text, allowed)) } : { value: choice };
}
