/**
 * Adds a generated instance to the emulator — its backups to the store, its state (ACTIVE, created
 * a day before its oldest backup) to the instance states — for the default instance at start and
 * for `addInstance` alike.
 */
import type { BackupStore, InstanceInfo } from "./backupStore";
import { generateInstance, type InstanceSpec } from "./instanceGenerator";
import type { InstanceStates } from "./instanceStates";

const DAY_MS = 24 * 60 * 60 * 1000;

export function addGeneratedInstance(
  targets: { readonly store: BackupStore; readonly states: InstanceStates },
  spec: InstanceSpec,
): InstanceInfo {
  const generated = generateInstance(spec);
  const info = targets.store.addInstance({ id: generated.id, name: generated.name, timeZone: generated.timeZone }, generated.backups);
  const oldest = Math.min(generated.backups[0]?.createdAt ?? spec.now, spec.now);
  targets.states.register(info.id, Math.floor((oldest - DAY_MS) / 1000) * 1000);
  return info;
}
