/**
 * Value rules of the ShowInstanceBackups API, from the vendor's reference page. The client checks
 * arguments against them before any request; the emulator answers 400 when a request breaks them.
 */

/** Letters and digits, exactly 36, ending in `in07`. */
export const INSTANCE_ID_PATTERN = /^[A-Za-z0-9]{32}in07$/;
/** Letters and digits, exactly 32. */
export const PROJECT_ID_PATTERN = /^[A-Za-z0-9]{32}$/;
/** Region names such as `cn-north-4`, `ap-southeast-1`, `eu-west-101`. */
export const REGION_PATTERN = /^[a-z]{2}(?:-[a-z0-9]+)+$/;

export const PAGE_SIZE_MIN = 1;
export const PAGE_SIZE_MAX = 100;
export const PAGE_SIZE_DEFAULT = 100;

export const ORDER_FIELDS = ["name", "beginTime", "type"] as const;
export const ORDER_RULES = ["asc", "desc"] as const;
export const FILTER_FIELDS = ["name"] as const;
export const LANGUAGES = ["en-us", "zh-cn"] as const;

export const BACKUP_STATUSES = ["BUILDING", "COMPLETED", "FAILED", "DELETING"] as const;
export const BACKUP_TYPES = ["Db", "Snapshot"] as const;
export const BACKUP_LEVELS = ["1", "2"] as const;
export const BACKUP_MODES = ["differential", "completed"] as const;

export type OrderField = (typeof ORDER_FIELDS)[number];
export type OrderRule = (typeof ORDER_RULES)[number];
export type FilterField = (typeof FILTER_FIELDS)[number];
export type Language = (typeof LANGUAGES)[number];
export type BackupStatus = (typeof BACKUP_STATUSES)[number];
export type BackupType = (typeof BACKUP_TYPES)[number];
export type BackupMode = (typeof BACKUP_MODES)[number];
