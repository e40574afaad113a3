/**
 * What the TaurusDB APIs answer from (the data and the state of each instance), and an
 * authenticated request as they receive it.
 */
import type { Language } from "../../api/rules";
import type { EmulatorModel } from "../model/emulatorModel";
import type { Tenant } from "../model/issuedIdentity";
import type { QueryPairs } from "../sharedTypes";
import type { ListDistortion } from "../steering/faultPlan";

/** The parts of the model the APIs read and write, and the project they serve. */
export interface ApiContext extends Pick<
  EmulatorModel,
  "store" | "states" | "passwords" | "restorer" | "jobs" | "restorableRanges" | "settings"
> {
  readonly tenant: Tenant;
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
