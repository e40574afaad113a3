/**
 * One {@link RequestBudget} per account and endpoint, for the whole process: every listing of the
 * same account against the same API shares it, whatever program, resource or provider started it.
 */
import type { Credentials } from "./credentials";
import { RequestBudget } from "./requestBudget";

const budgets = new Map<string, RequestBudget>();

/** The shared budget of `credentials` at `endpoint`, allowing at least `maxInFlight` requests at once. */
export function budgetFor(endpoint: string, credentials: Credentials, maxInFlight: number): RequestBudget {
  const key = `${new URL(endpoint).origin}|${credentials.identity}`;
  let budget = budgets.get(key);
  if (!budget) budgets.set(key, (budget = new RequestBudget({ maxInFlight })));
  else budget.raiseMaxInFlight(maxInFlight);
  return budget;
}
