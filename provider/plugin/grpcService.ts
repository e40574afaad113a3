/**
 * The engine's `pulumirpc.ResourceProvider` gRPC service, implemented over {@link ProviderHandlers}:
 * each method unpacks its protobuf request (structs through ./wire.ts), calls the handler, and packs
 * the answer or the error. Protocol flags live here too, since they describe this marshalling:
 * secrets are accepted as typed values and unwrapped; resources and output values are not asked for.
 */
import * as grpc from "@grpc/grpc-js";
import { Any } from "google-protobuf/google/protobuf/any_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import type { IResourceProviderServer } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as pluginPb from "@pulumi/pulumi/proto/plugin_pb";
import * as providerPb from "@pulumi/pulumi/proto/provider_pb";
import * as statusPb from "@pulumi/pulumi/proto/status_pb";
import { ResourceInitFailure, type CheckFailure, type CheckResult, type DiffResult, type ProviderHandlers } from "./handlers";
import { decodeStruct, encodeStruct } from "./wire";

/** The engine's resource type is the third `::` part of a URN (after any parent types joined by `$`). */
export function typeOfUrn(urn: string): string {
  return (urn.split("::")[2] ?? "").split("$").pop() ?? "";
}

export function resourceProviderService(handlers: ProviderHandlers): IResourceProviderServer {
  return {
    // Not implemented on purpose: without Handshake the engine takes the protocol flags from
    // Configure, which this plugin answers with exactly what it supports.
    handshake: unimplemented("Handshake"),
    parameterize: unimplemented("Parameterize"),
    call: unimplemented("Call"),
    construct: unimplemented("Construct"),
    list: (call) =>
      call.destroy({ name: "Unimplemented", message: "List is not supported", code: grpc.status.UNIMPLEMENTED } as grpc.ServiceError),

    getPluginInfo: unary(async () => new pluginPb.PluginInfo().setVersion(handlers.version)),
    attach: unary(async () => new Empty()),
    getMapping: unary(async () => new providerPb.GetMappingResponse().setProvider("").setData("")),
    getMappings: unary(async () => new providerPb.GetMappingsResponse().setProvidersList([])),
    cancel: unary(async () => {
      await handlers.cancel();
      return new Empty();
    }),

    getSchema: unary(async (req: providerPb.GetSchemaRequest) => {
      if (req.getVersion() !== 0) throw new Error(`unsupported schema version ${req.getVersion()}`);
      return new providerPb.GetSchemaResponse().setSchema(handlers.getSchema());
    }),

    checkConfig: unary(async (req: providerPb.CheckRequest) =>
      checkResponse(
        await handlers.checkConfig({ urn: req.getUrn(), olds: decodeStruct(req.getOlds()), news: decodeStruct(req.getNews()) }),
      ),
    ),
    diffConfig: unary(async (req: providerPb.DiffRequest) =>
      diffResponse(
        await handlers.diffConfig({
          urn: req.getUrn(),
          oldInputs: decodeStruct(req.getOldInputs()),
          olds: decodeStruct(req.getOlds()),
          news: decodeStruct(req.getNews()),
        }),
      ),
    ),
    configure: unary(async (req: providerPb.ConfigureRequest) => {
      const variables: Record<string, string> = {};
      req.getVariablesMap().forEach((value, key) => (variables[key] = value));
      await handlers.configure({ args: decodeStruct(req.getArgs()), variables });
      return new providerPb.ConfigureResponse()
        .setAcceptsecrets(true)
        .setSupportspreview(true)
        .setAcceptresources(false)
        .setAcceptoutputs(false);
    }),

    invoke: unary(async (req: providerPb.InvokeRequest) => {
      const { result, failures } = await handlers.invoke({
        token: req.getTok(),
        args: decodeStruct(req.getArgs()),
        preview: req.getPreview(),
      });
      return new providerPb.InvokeResponse().setReturn(encodeStruct(result)).setFailuresList(failures.map(checkFailure));
    }),

    check: unary(async (req: providerPb.CheckRequest) =>
      checkResponse(await handlers.check({ ...ref(req), olds: decodeStruct(req.getOlds()), news: decodeStruct(req.getNews()) })),
    ),
    diff: unary(async (req: providerPb.DiffRequest) =>
      diffResponse(
        await handlers.diff({
          ...ref(req),
          id: req.getId(),
          olds: decodeStruct(req.getOlds()),
          news: decodeStruct(req.getNews()),
          oldInputs: decodeStruct(req.getOldInputs()),
        }),
      ),
    ),
    create: unary(async (req: providerPb.CreateRequest) => {
      const { id, properties } = await handlers.create({
        ...ref(req),
        properties: decodeStruct(req.getProperties()),
        preview: req.getPreview(),
      });
      return new providerPb.CreateResponse().setId(id).setProperties(encodeStruct(properties));
    }),
    read: unary(async (req: providerPb.ReadRequest) => {
      const { id, properties, inputs } = await handlers.read({
        ...ref(req),
        id: req.getId(),
        properties: decodeStruct(req.getProperties()),
        inputs: decodeStruct(req.getInputs()),
      });
      return new providerPb.ReadResponse().setId(id).setProperties(encodeStruct(properties)).setInputs(encodeStruct(inputs));
    }),
    update: unary(async (req: providerPb.UpdateRequest) => {
      const { properties } = await handlers.update({
        ...ref(req),
        id: req.getId(),
        olds: decodeStruct(req.getOlds()),
        news: decodeStruct(req.getNews()),
        oldInputs: decodeStruct(req.getOldInputs()),
        preview: req.getPreview(),
      });
      return new providerPb.UpdateResponse().setProperties(encodeStruct(properties));
    }),
    delete: unary(async (req: providerPb.DeleteRequest) => {
      await handlers.delete({ ...ref(req), id: req.getId(), properties: decodeStruct(req.getProperties()) });
      return new Empty();
    }),
  };
}

function ref(req: { getUrn(): string; getType(): string }): { urn: string; type: string } {
  return { urn: req.getUrn(), type: req.getType() || typeOfUrn(req.getUrn()) };
}

function checkFailure(failure: CheckFailure): providerPb.CheckFailure {
  return new providerPb.CheckFailure().setProperty(failure.property).setReason(failure.reason);
}

function checkResponse(result: CheckResult): providerPb.CheckResponse {
  return new providerPb.CheckResponse().setInputs(encodeStruct(result.inputs)).setFailuresList(result.failures.map(checkFailure));
}

function diffResponse(result: DiffResult): providerPb.DiffResponse {
  const { DIFF_NONE, DIFF_SOME } = providerPb.DiffResponse.DiffChanges;
  return new providerPb.DiffResponse()
    .setChanges(result.changes ? DIFF_SOME : DIFF_NONE)
    .setReplacesList([...result.replaces])
    .setDiffsList([...result.diffs])
    .setDeletebeforereplace(result.deleteBeforeReplace);
}

/**
 * A unary method: the handler's answer, or its error as a gRPC status whose details are the
 * message; an initialization failure also carries the state reached, as the engine reads it.
 */
function unary<Req, Res>(handle: (request: Req) => Promise<Res>): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    handle(call.request).then(
      (response) => callback(null, response),
      (error: unknown) =>
        callback(
          {
            code: grpc.status.UNKNOWN,
            details: error instanceof Error ? error.message : String(error),
            ...(error instanceof ResourceInitFailure ? { metadata: initFailureMetadata(error) } : {}),
          },
          null,
        ),
    );
  };
}

/** `grpc-status-details-bin`: a google.rpc.Status whose details hold a pulumirpc.ErrorResourceInitFailed. */
function initFailureMetadata(failure: ResourceInitFailure): grpc.Metadata {
  const detail = new providerPb.ErrorResourceInitFailed()
    .setId(failure.id)
    .setProperties(encodeStruct(failure.properties))
    .setReasonsList([...failure.reasons]);
  const packed = new Any();
  packed.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
  const status = new statusPb.Status().setCode(grpc.status.UNKNOWN).setMessage(failure.message);
  status.addDetails(packed);
  const metadata = new grpc.Metadata();
  metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
  return metadata;
}

function unimplemented(method: string): grpc.handleUnaryCall<unknown, never> {
  return (_call, callback) =>
    callback({ code: grpc.status.UNIMPLEMENTED, details: `${method} is not supported by the taurusdb provider` }, null);
}
