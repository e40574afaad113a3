/**
 * What the TaurusDB APIs answer from (the data and the state of each instance), and an
 * authenticated request as they receive it.
 */
import type { Language } from "../api/rules";
import type { AdminPasswords } from "./adminPasswords";
import type { Tenant } from "./credentials";
import type { ListDistortion } from "./faults";
import type { InstanceStates } from "./instanceStates";
import type { JobBook } from "./jobs";
import type { RuntimeSettings } from "./pipeline";
import type { RestorableTimes } from "./restorableTimes";
import type { RestoreOrder } from "./restoreOrder";
import type { Restorer } from "./restores";
import type { QueryPairs } from "./sharedTypes";
import type { BackupStore } from "./store";

export interface ApiContext {
  readonly store: BackupStore;
  readonly tenant: Tenant;
  readonly states: InstanceStates;
  readonly passwords: AdminPasswords;
  readonly restorer: Restorer;
  readonly jobs: JobBook<RestoreOrder>;
  readonly restorableTimes: RestorableTimes;
  readonly settings: RuntimeSettings;
}

export interface ApiRequest {
  readonly query: QueryPairs;
  /** The body as UTF-8 text; `""` for none. */
  readonly body: string;
  readonly contentType: string | undefined;
  readonly language: Language;
  /** How a fault bends a backup list (no effect elsewhere). */
  readonly distortion: ListDistortion;
}
