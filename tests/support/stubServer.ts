/**
 * A deliberately misbehaving HTTP server on 127.0.0.1, for what the emulator is too well-behaved to
 * do: echo a request's credentials back, or pad pages to the size cap. Real sockets, real HTTP.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface StubServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startStubServer(handle: (request: IncomingMessage, response: ServerResponse) => void): Promise<StubServer> {
  const server = createServer(handle);
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A valid wire backup, for pages a stub serves. */
export function wireBackup(i: number, instanceId: string) {
  const id = i.toString(16).padStart(32, "0") + "br01";
  return {
    id,
    name: `daily-${i}`,
    description: "",
    instance_id: instanceId,
    instance_name: "db",
    size: "1024.0",
    size_unit: "KB",
    status: "COMPLETED",
    created: "2026-01-04 17:30:30",
    updated: "2026-01-04 17:34:24",
    time_zone: "UTC+08:00",
    backup_type: "Db",
    backup_level: "1",
    backup_method: "Db",
    use_detail: "",
  };
}
