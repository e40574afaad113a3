/**
 * What a resource provider runs with, wherever it runs: the dynamic-provider process started by
 * the engine for a Node.js program, or the `taurusdb` plugin serving every other language. The
 * provider logic takes it as an argument, so both run the same code and tests can give their own.
 */
import type { ProgressReporter } from "../reporting";
import type { Clock } from "../waits/clock";
import type { SettingSources } from "../settings/sources";
import { providerLog, sinkReporter, type LogSink, type ProviderLog } from "./engineLog";

export interface ProviderHost {
  /** Stack config as the engine gave it to `configure`, and this process's environment. */
  sources(): SettingSources;
  readonly log: ProviderLog;
  /** Where a listing's progress goes (pages, retries, rescans); none by default. */
  readonly reporter?: ProgressReporter;
  now(): number;
  /** Aborts every listing the provider started (the plugin's Cancel); a dynamic provider has none. */
  readonly signal?: AbortSignal;
  /** The waits of a restore; the real clock unless a test gives a faster one. */
  readonly clock?: Clock;
}

/** A host whose stack config is set by the engine's `configure` call (until then, none), logging to `sink`. */
export function configurableHost(sink: LogSink, env: Readonly<Record<string, string | undefined>> = process.env) {
  let config: (key: string) => string | undefined = () => undefined;
  const host: ProviderHost = {
    sources: () => ({ stackConfig: config, env }),
    log: providerLog(sink),
    reporter: sinkReporter(sink),
    now: Date.now,
  };
  return {
    host,
    /** Takes the engine's configuration: full keys such as `taurusdb:region`, secrets already unwrapped. */
    configure(read: (key: string) => string | undefined): void {
      config = read;
    },
  };
}
