/**
 * Log lines from a provider process to the Pulumi engine, which shows them in the update's
 * diagnostics like a program's `pulumi.log` calls. A provider process is not a program, so
 * `pulumi.log` has no engine to talk to there; the engine gives a provider its address as the first
 * command-line argument, and this sends `Log` requests to it.
 */
import * as grpc from "@grpc/grpc-js";
import { EngineClient } from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as engineProto from "@pulumi/pulumi/proto/engine_pb";

export interface ProviderLog {
  info(message: string): Promise<void>;
  warn(message: string): Promise<void>;
}

/** Writes to the engine at `address` (`host:port`), or to stderr when there is none (tests, scripts). */
export function engineLog(address: string | undefined): ProviderLog {
  if (!address || !/^[\w.[\]:-]+:\d+$/.test(address)) return stderrLog;
  let client: EngineClient | undefined;
  const send = (severity: engineProto.LogSeverity, message: string) =>
    new Promise<void>((resolve) => {
      client ??= new EngineClient(address, grpc.credentials.createInsecure());
      const request = new engineProto.LogRequest();
      request.setSeverity(severity);
      request.setMessage(message);
      // A lost log line must not fail the operation it describes.
      client.log(request, () => resolve());
    });
  return {
    info: (message) => send(engineProto.LogSeverity.INFO, message),
    warn: (message) => send(engineProto.LogSeverity.WARNING, message),
  };
}

const stderrLog: ProviderLog = {
  info: async (message) => void process.stderr.write(`${message}\n`),
  warn: async (message) => void process.stderr.write(`warning: ${message}\n`),
};
