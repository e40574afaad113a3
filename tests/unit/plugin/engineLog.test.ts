/**
 * Log lines from a provider process: the engine's address is the last argument, whatever flags come
 * first; each line reaches the engine's Log service with its severity, ephemeral flag and the URN of
 * the call it belongs to (one plugin process serves many resources at once).
 */
import * as grpc from "@grpc/grpc-js";
import { EngineService } from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as engineProto from "@pulumi/pulumi/proto/engine_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { engineAddress, engineLogSink, sinkReporter } from "../../../provider/dynamic/engineLog";
import { currentUrn, withUrn } from "../../../provider/plugin/logContext";

test.each([
  [["127.0.0.1:51234"], "127.0.0.1:51234"],
  [["--logtostderr", "-v=9", "127.0.0.1:51234"], "127.0.0.1:51234"],
  [["--tracing", "file:/tmp/trace", "[::1]:4000"], "[::1]:4000"],
  [["--logtostderr"], undefined],
  [[], undefined],
])("the engine's address among %j is %s", (args, address) => {
  expect(engineAddress(args)).toBe(address);
});

describe("against a Log service", () => {
  const received: engineProto.LogRequest.AsObject[] = [];
  let server: grpc.Server;
  let address: string;
  beforeAll(async () => {
    server = new grpc.Server();
    server.addService(EngineService, {
      log: (call: grpc.ServerUnaryCall<engineProto.LogRequest, Empty>, done: grpc.sendUnaryData<Empty>) => {
        received.push(call.request.toObject());
        done(null, new Empty());
      },
    } as never);
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
    );
    address = `127.0.0.1:${port}`;
  });
  afterAll(() => server.forceShutdown());

  test("each line carries its severity, its ephemeral flag and the URN of the call that wrote it, even when calls overlap", async () => {
    received.length = 0;
    const sink = engineLogSink(address, currentUrn);
    const reporter = sinkReporter(sink);
    const a = "urn:pulumi:dev::p::taurusdb:index:LatestCompletedBackup::a";
    const b = "urn:pulumi:dev::p::taurusdb:index:LatestCompletedBackup::b";
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
    await Promise.all([
      withUrn(a, async () => {
        await pause();
        reporter.page("inst", { pagesFetched: 1, pages: 2, backupsFetched: 10, totalCount: 20 } as never);
        await sink({ severity: "warning", message: "from a" });
      }),
      withUrn(b, async () => {
        reporter.retry("inst", { attempt: 1, reason: "HTTP 503", delayMs: 100 } as never);
        await pause();
        await sink({ severity: "info", message: "from b" });
      }),
    ]);
    await sink({ severity: "info", message: "from an invoke" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const by = (message: string) => received.find((r) => r.message.includes(message));
    expect(by("fetched page 1/2")).toMatchObject({ urn: a, severity: engineProto.LogSeverity.INFO, ephemeral: true });
    expect(by("from a")).toMatchObject({ urn: a, severity: engineProto.LogSeverity.WARNING, ephemeral: false });
    expect(by("attempt 1 failed")).toMatchObject({ urn: b, severity: engineProto.LogSeverity.DEBUG, ephemeral: false });
    expect(by("from b")).toMatchObject({ urn: b, severity: engineProto.LogSeverity.INFO });
    expect(by("from an invoke")).toMatchObject({ urn: "" });
  });
});

test("without an engine, lines go to stderr, debug lines not at all", async () => {
  const written: string[] = [];
  const spy = jest.spyOn(process.stderr, "write").mockImplementation((chunk) => (written.push(String(chunk)), true));
  try {
    const sink = engineLogSink(undefined);
    await sink({ severity: "info", message: "shown" });
    await sink({ severity: "warning", message: "careful" });
    await sink({ severity: "debug", message: "hidden" });
  } finally {
    spy.mockRestore();
  }
  expect(written).toEqual(["shown\n", "warning: careful\n"]);
});
