/**
 * Log lines from a provider process to the Pulumi engine, which shows them in the update's
 * diagnostics like a program's `pulumi.log` calls. A provider process is not a program, so
 * `pulumi.log` has no engine to talk to there; the engine gives a provider its address as the last
 * command-line argument (after any logging and tracing flags), and this sends `Log` requests to it.
 */
import * as grpc from "@grpc/grpc-js";
import { EngineClient } from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as engineProto from "@pulumi/pulumi/proto/engine_pb";
import { lineReporter, type ProgressReporter } from "../reporting";

export interface ProviderLog {
  info(message: string): Promise<void>;
  warn(message: string): Promise<void>;
}

export type LogSeverity = "debug" | "info" | "warning";

/** One line for the engine's log; ephemeral lines show while the operation runs and do not pile up in the summary. */
export interface LogLine {
  readonly severity: LogSeverity;
  readonly message: string;
  readonly ephemeral?: boolean;
}

export type LogSink = (line: LogLine) => Promise<void>;

const SEVERITIES: Record<LogSeverity, engineProto.LogSeverity> = {
  debug: engineProto.LogSeverity.DEBUG,
  info: engineProto.LogSeverity.INFO,
  warning: engineProto.LogSeverity.WARNING,
};

const ADDRESS = /^[\w.[\]:-]+:\d+$/;

/**
 * The engine's address among a provider's arguments: the last one. The engine puts flags first
 * (`--logtostderr`, `-v=9`, `--tracing <url>`), so the first argument is the address only when
 * there are none.
 */
export function engineAddress(args: readonly string[] = process.argv.slice(2)): string | undefined {
  const last = args.at(-1);
  return last !== undefined && ADDRESS.test(last) ? last : undefined;
}

/**
 * Sends each line to the engine at `address` (`host:port`), attached to the resource `urnOf` names
 * at the time (none: the stack's), or writes it to stderr when there is no engine (tests, scripts).
 */
export function engineLogSink(address: string | undefined, urnOf: () => string | undefined = () => undefined): LogSink {
  if (!address || !ADDRESS.test(address)) return stderrSink;
  let client: EngineClient | undefined;
  return (line) =>
    new Promise<void>((resolve) => {
      client ??= new EngineClient(address, grpc.credentials.createInsecure());
      const request = new engineProto.LogRequest();
      request.setSeverity(SEVERITIES[line.severity]);
      request.setMessage(line.message);
      request.setUrn(urnOf() ?? "");
      request.setEphemeral(line.ephemeral ?? false);
      // A lost log line must not fail the operation it describes.
      client.log(request, () => resolve());
    });
}

/** A {@link ProviderLog} over a sink. */
export function providerLog(sink: LogSink): ProviderLog {
  return {
    info: (message) => sink({ severity: "info", message }),
    warn: (message) => sink({ severity: "warning", message }),
  };
}

/** A listing's progress as lines to a sink, at the levels every Pulumi log uses for them. */
export function sinkReporter(sink: LogSink): ProgressReporter {
  return lineReporter((line) => void sink(line));
}

const stderrSink: LogSink = async (line) => {
  // Debug lines are for the engine's verbose log only; a terminal gets the rest.
  if (line.severity === "debug") return;
  process.stderr.write(`${line.severity === "warning" ? "warning: " : ""}${line.message}\n`);
};
