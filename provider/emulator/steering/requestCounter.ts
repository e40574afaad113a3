import { API_NAMES, type ApiName, ROUTE_NAMES, type RouteName } from "../sharedTypes";
/**
 * Counts arriving requests per scope, so faults and scheduled mutations can name "the n-th
 * backup-list request from now" (or the n-th restore request, or the n-th request of any kind).
 */

/** What a fault or a schedule counts and applies to: one API, or every request. */
export type RequestScope = ApiName | "any";

export const REQUEST_SCOPES: readonly RequestScope[] = [...API_NAMES, "any"];

export class RequestCounter {
  private readonly counts = Object.fromEntries([...ROUTE_NAMES, "any"].map((name) => [name, 0])) as Record<
    RequestScope | RouteName,
    number
  >;

  /** Counts one request under its route and under `any`. */
  arrive(route: RouteName): void {
    this.counts.any++;
    this.counts[route]++;
  }

  /** Requests of the scope (or route) so far. */
  count(scope: RequestScope | RouteName): number {
    return this.counts[scope];
  }
}

export function scopeIncludes(scope: RequestScope, route: RouteName): boolean {
  return scope === "any" || scope === route;
}

export function checkScope(scope: unknown, what: string): RequestScope {
  if (!REQUEST_SCOPES.includes(scope as RequestScope)) {
    throw new RangeError(`${what} must be one of ${REQUEST_SCOPES.join(", ")}, got ${JSON.stringify(scope)}`);
  }
  return scope as RequestScope;
}

export function checkRequestNumber(n: unknown, what: string): number {
  if (!(typeof n === "number" && Number.isInteger(n) && n >= 1)) {
    throw new RangeError(`${what} must be an integer >= 1, got ${JSON.stringify(n)}`);
  }
  return n;
}
