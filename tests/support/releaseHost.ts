/**
 * A stand-in for the release host (GitHub's release downloads) on 127.0.0.1: it serves the files of
 * a release folder at `/v<version>/<file>`, the layout of `<repository>/releases/download/v<version>/`,
 * and records every request, so a test sees what the engine asked for.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { startStubServer } from "./stubServer";

export interface ReleaseHost {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Each request's path, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startReleaseHost(dir: string, version: string): Promise<ReleaseHost> {
  const requests: string[] = [];
  const server = await startStubServer((request, response) => {
    const url = request.url ?? "/";
    requests.push(url);
    const match = /^\/v([^/]+)\/([^/?]+)$/.exec(url);
    const file = match && match[1] === version ? path.join(dir, decodeURIComponent(match[2])) : undefined;
    if (request.method !== "GET" || !file || !fs.existsSync(file)) {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("Not Found");
      return;
    }
    response.writeHead(200, { "Content-Type": "application/octet-stream", "Content-Length": fs.statSync(file).size });
    fs.createReadStream(file).pipe(response);
  });
  return { url: server.url, requests, close: () => server.close() };
}
