/**
 * Assembles and starts an emulator: seeded identity and data, the state of its instances, restores
 * and jobs, the request pipeline, the server.
 */
import { AdminPasswords } from "./adminPasswords";
import type { ApiContext } from "./apiContext";
import { Authenticator } from "./auth";
import { Control, type EmulatorControl } from "./control";
import { type EmulatorCredentials, generateIdentity, type Tenant } from "./credentials";
import { VersionHistory } from "./history";
import { InstanceStates } from "./instanceStates";
import { JobBook } from "./jobs";
import { addGeneratedInstance } from "./newInstance";
import { EMULATOR_DEFAULTS, type EmulatorOptions, resolveOptions } from "./options";
import { RequestPipeline, type RuntimeSettings } from "./pipeline";
import { Random } from "./random";
import { TokenBucket } from "./rateLimit";
import { RestorableTimes } from "./restorableTimes";
import type { RestoreOrder } from "./restoreOrder";
import { Restorer } from "./restores";
import { EmulatorServer } from "./server";
import { StatsRecorder } from "./stats";
import { Steering } from "./steering";
import { BackupStore } from "./store";
import { Timers } from "./timers";

export interface RunningEmulator {
  /** Base URL of both the TaurusDB API and IAM, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly region: string;
  /** 32 letters and digits, derived from the seed. */
  readonly projectId: string;
  /** The default instance (36 letters and digits ending in `in07`). */
  readonly instanceId: string;
  readonly credentials: EmulatorCredentials;
  readonly control: EmulatorControl;
  /** Stops listening and destroys every connection, stalled ones included; unfinished jobs stop where they are. */
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const o = resolveOptions(options);
  const random = new Random(o.seed);
  const identity = generateIdentity(random.fork("identity"));
  const history = o.historyLimit > 0 ? new VersionHistory(o.historyLimit) : undefined;
  const store = new BackupStore(history);
  const states = new InstanceStates();
  const instance = addGeneratedInstance(
    { store, states },
    { seed: o.seed, ordinal: 0, backups: o.backups, timeZone: o.timeZone, now: o.now() },
  );

  const steering = new Steering<EmulatorControl>();
  steering.faults.inject(o.faults);
  const stats = new StatsRecorder();
  const authenticator = new Authenticator(identity.credentials, {
    maxClockSkewSeconds: o.maxClockSkewSeconds,
    verifier: o.signatureVerifier,
  });
  const settings: RuntimeSettings = {
    latencyMs: o.latencyMs,
    rateLimit: o.rateLimit ? new TokenBucket(o.rateLimit) : undefined,
    busyErrorCode: "DBS.200019",
    restoreDurations: o.restoreDurations,
  };
  const timers = new Timers();
  const tenant: Tenant = { projectId: identity.projectId, domainId: identity.domainId, region: o.region };
  const passwords = new AdminPasswords();
  const jobs = new JobBook<RestoreOrder>(timers, random.fork("jobs"), o.now);
  const restorableTimes = new RestorableTimes(store, o.now);
  const restorer = new Restorer({
    store,
    states,
    restorableTimes,
    jobs,
    failures: steering.restoreFailures,
    durations: () => settings.restoreDurations,
    now: o.now,
  });
  const api: ApiContext = { store, tenant, states, passwords, restorer, jobs, restorableTimes, settings };

  const control = new Control({
    store,
    defaultInstanceId: instance.id,
    defaults: { seed: o.seed, timeZone: o.timeZone, backups: EMULATOR_DEFAULTS.backups },
    random: random.fork("changes"),
    now: o.now,
    history,
    steering,
    stats,
    authenticator,
    settings,
    states,
    passwords,
    jobs,
    restorableTimes,
  });
  const pipeline = new RequestPipeline({ api, authenticator, steering: steering.actingOn(control), stats, settings, timers });
  const server = new EmulatorServer(pipeline, stats, timers);
  const address = await server.listen(o.host, o.port);
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return Object.freeze({
    url: `http://${host}:${address.port}`,
    region: o.region,
    projectId: identity.projectId,
    instanceId: instance.id,
    credentials: identity.credentials,
    control,
    close: () => server.close(),
  });
}
