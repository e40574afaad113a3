/**
 * Value rules of the calls around a restore — instance details, restore, job, restorable times and
 * the admin password — from the vendor's reference pages. Additions beside `rules.ts`, which keeps
 * the listing's rules.
 */

/** `status` of an instance (ShowGaussMySqlInstanceInfo); `ACTIVE` is the only ready one. */
export const INSTANCE_STATUSES = [
  "BUILD",
  "ACTIVE",
  "FAILED",
  "FROZEN",
  "MODIFYING",
  "REBOOTING",
  "RESTORING",
  "SWITCHOVER",
  "MIGRATING",
  "BACKING UP",
  "MODIFYING DATABASE PORT",
  "STORAGE FULL",
] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];
export const INSTANCE_READY_STATUS: InstanceStatus = "ACTIVE";

/** `status` of a job (ShowGaussMySqlJobInfo). */
export const JOB_STATUSES = ["Pending", "Running", "Completed", "Failed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** `type` of a restore into an existing instance (RestoreOldInstance). */
export const RESTORE_TYPES = ["backup", "timestamp"] as const;
export type RestoreType = (typeof RESTORE_TYPES)[number];

/**
 * The `error_code`s of HTTP 409 "another operation is in progress on the instance": a write
 * refused for now, worth retrying later (the vendor's Terraform provider retries exactly these).
 */
export const INSTANCE_BUSY_ERROR_CODES = ["DBS.200019", "DBS.201014", "DBS.201015", "DBS.200047", "DBS.05000084", "DBS.212033"] as const;
export type InstanceBusyErrorCode = (typeof INSTANCE_BUSY_ERROR_CODES)[number];

/**
 * The admin password rule of ResetGaussMySqlPassword: 8 to 32 characters, each a letter, a digit or
 * one of `PASSWORD_SPECIAL_CHARACTERS`, with at least three of the four kinds.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 32;
export const PASSWORD_SPECIAL_CHARACTERS = "~!@#$%^*-_=+?,()&|.";
export const PASSWORD_MIN_CHARACTER_KINDS = 3;

/** What is wrong with a password: its length, a character outside the set, or too few kinds. */
export type PasswordProblem = "length" | "character" | "kinds";

export function passwordProblem(password: string): PasswordProblem | undefined {
  const characters = [...password];
  if (characters.length < PASSWORD_MIN_LENGTH || characters.length > PASSWORD_MAX_LENGTH) return "length";
  const kinds = new Set<string>();
  for (const c of characters) {
    const kind = /[A-Z]/.test(c)
      ? "upper"
      : /[a-z]/.test(c)
        ? "lower"
        : /[0-9]/.test(c)
          ? "digit"
          : PASSWORD_SPECIAL_CHARACTERS.includes(c)
            ? "special"
            : undefined;
    if (kind === undefined) return "character";
    kinds.add(kind);
  }
  return kinds.size < PASSWORD_MIN_CHARACTER_KINDS ? "kinds" : undefined;
}
