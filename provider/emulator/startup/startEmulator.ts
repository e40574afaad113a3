/**
 * Assembles and starts an emulator: seeded identity and data, the state of its instances, restores
 * and jobs, the request pipeline, the server.
 */
import type { ApiContext } from "../apis/apiContext";
import { Control } from "../control/control";
import type { EmulatorControl } from "../control/emulatorControl";
import { Authenticator } from "../gateway/authenticator";
import { EmulatorServer } from "../gateway/emulatorServer";
import type { GatewayState } from "../gateway/gatewayState";
import { TokenBucket } from "../gateway/rateLimit";
import { RequestPipeline } from "../gateway/requestPipeline";
import { StatsRecorder } from "../gateway/requestStats";
import { addGeneratedInstance } from "../model/addGeneratedInstance";
import { Timers } from "../model/cancellableTimers";
import { createModel } from "../model/emulatorModel";
import { type EmulatorCredentials, generateIdentity, type Tenant } from "../model/issuedIdentity";
import { Random } from "../model/seededRandom";
import { Steering } from "../steering/steering";
import { EMULATOR_DEFAULTS, type EmulatorOptions, resolveOptions } from "./emulatorOptions";

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
  // The order of the forks is part of what a seed gives: the identity's first, then the model's.
  const identity = generateIdentity(random.fork("identity"));
  const timers = new Timers();
  const steering = new Steering<EmulatorControl>();
  const model = createModel({
    historyLimit: o.historyLimit,
    restoreDurations: o.restoreDurations,
    now: o.now,
    random,
    timers,
    restoreFailures: steering.restoreFailures,
  });
  const instance = addGeneratedInstance(model, {
    seed: o.seed,
    ordinal: 0,
    backups: o.backups,
    timeZone: o.timeZone,
    now: o.now(),
  });
  steering.faults.inject(o.faults);
  const gateway: GatewayState = {
    authenticator: new Authenticator(identity.credentials, {
      maxClockSkewSeconds: o.maxClockSkewSeconds,
      verifier: o.signatureVerifier,
    }),
    stats: new StatsRecorder(),
    settings: { latencyMs: o.latencyMs, rateLimit: o.rateLimit ? new TokenBucket(o.rateLimit) : undefined },
  };
  const control = new Control(model, steering, gateway, {
    instanceId: instance.id,
    newInstance: { seed: o.seed, timeZone: o.timeZone, backups: EMULATOR_DEFAULTS.backups },
  });

  const tenant: Tenant = { projectId: identity.projectId, domainId: identity.domainId, region: o.region };
  const api: ApiContext = { ...model, tenant };
  const pipeline = new RequestPipeline({ gateway, steering: steering.actingOn(control), api, timers });
  const server = new EmulatorServer(pipeline, gateway.stats, timers);
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
