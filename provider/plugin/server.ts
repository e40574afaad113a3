/**
 * Serves the provider over gRPC on a loopback port of its own choosing, as the engine expects of a
 * plugin, and stops it: in-flight calls are cancelled (they fail at once), then the server drains.
 */
import * as grpc from "@grpc/grpc-js";
import { ResourceProviderService } from "@pulumi/pulumi/proto/provider_grpc_pb";
import { resourceProviderService } from "./grpcService";
import type { ProviderHandlers } from "./handlers";

/** The engine sends whole resource states; Pulumi's own plugins accept messages this large. */
const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;
/** How long in-flight calls get to answer before the server closes their connections. */
const DRAIN_MS = 2_000;

export interface RunningPlugin {
  readonly port: number;
  /** Cancels what is in flight and stops serving; resolves once the server is closed. */
  stop(): Promise<void>;
}

export async function servePlugin(handlers: ProviderHandlers): Promise<RunningPlugin> {
  const server = new grpc.Server({
    "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
    "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
  });
  server.addService(ResourceProviderService, resourceProviderService(handlers));
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await handlers.cancel();
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, DRAIN_MS);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      });
    })());
  return { port, stop };
}
