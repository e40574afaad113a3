/**
 * The engine prints a failing property's value beside the reason ("property authToken value {…}
 * has a problem"), and a credential given without `--secret` or as a plain input would be printed
 * in full. A failure about a credential is therefore reported without a property, which the engine
 * prints as the reason alone, and the reason names the credential instead.
 */
import type { CheckFailure } from "./handlers";

export function withoutCredentialValues(
  failures: readonly CheckFailure[],
  credentialKeys: readonly string[],
  label: (key: string) => string,
): CheckFailure[] {
  return failures.map((failure) =>
    credentialKeys.includes(failure.property)
      ? {
          property: "",
          reason: failure.reason.startsWith(label(failure.property)) ? failure.reason : `${label(failure.property)} ${failure.reason}`,
        }
      : failure,
  );
}
