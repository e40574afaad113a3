/**
 * What a listing leaves behind, seen from outside: a plain Node.js script whose listing fails on a
 * page sends nothing more and exits promptly, and pages padded to the size cap, sixty-four at a
 * time, do not multiply memory by the concurrency.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { startEmulator } from "../../provider/emulator";
import { LARGE_BODY_BYTES } from "../../provider/http/bodyGate";
import { MAX_BODY_BYTES } from "../../provider/http/transport";
import { listInChild } from "../support/childListing";
import { startStubServer, wireBackup } from "../support/stubServer";

jest.setTimeout(120_000);

beforeAll(() => {
  // The child runs the compiled package; this builds it only when a source is newer than the build.
  execFileSync(process.execPath, [path.join(__dirname, "..", "..", "scripts", "prepare.js")], { stdio: "inherit" });
});

test("a listing whose page fails: no request is sent for it afterwards, and the script exits within 1 s of the rejection", async () => {
  const emulator = await startEmulator({ backups: 500, latencyMs: 200 });
  try {
    // Page 4 of 50 answers 400 (not retried) while fifteen other pages are on their way.
    emulator.control.injectFaults({ kind: "status", status: 400, atRequest: 5 });
    const outcome = await listInChild({ ...emulator, ...emulator.credentials }, { pageSize: 10 });
    expect(outcome.event).toBe("rejected");
    expect(outcome.message).toMatch(/HTTP 400/);
    const late = emulator.control.requests().filter((r) => r.at > outcome.at + 20);
    expect(late).toEqual([]);
    expect(emulator.control.requests().length).toBeLessThan(50);
    expect(outcome.exitedAt - outcome.at).toBeLessThan(1_000);
  } finally {
    await emulator.close();
  }
});

test("pages padded to just under the response cap, 64 at a time: peak memory growth under 200 MB", async () => {
  const instanceId = "61a4ea66210545909d74a05c27a7179ein07";
  const pages = 30;
  const padding = Buffer.alloc(MAX_BODY_BYTES - 64 * 1024, "x");
  const server = await startStubServer((request, response) => {
    const offset = Number(new URL(request.url!, "http://stub").searchParams.get("offset"));
    const records = Array.from({ length: 100 }, (_, i) => wireBackup(offset + i, instanceId));
    const head = Buffer.from(`{"backups":${JSON.stringify(records)},"total_count":"${pages * 100}","padding":"`);
    const tail = Buffer.from(`"}`);
    response.writeHead(200, { "Content-Type": "application/json", "Content-Length": head.length + padding.length + tail.length });
    response.write(head);
    response.write(padding);
    response.end(tail);
  });
  try {
    const outcome = await listInChild(
      {
        url: server.url,
        projectId: "619d3e78f61b4be68bc5aa0b59edcf7b",
        instanceId,
        accessKey: "AKPADDINGTEST",
        secretKey: "padding-secret",
      },
      { maxConcurrency: 64 },
    );
    expect(outcome).toMatchObject({ event: "resolved", backups: pages * 100 });
    console.log(
      `padded pages: ${pages} x ${(MAX_BODY_BYTES / 1024 / 1024).toFixed(0)} MiB at concurrency 64, peak RSS growth ${outcome.peakGrowthMb.toFixed(0)} MB (large-body threshold ${LARGE_BODY_BYTES / 1024} KiB)`,
    );
    expect(outcome.peakGrowthMb).toBeLessThan(200);
  } finally {
    await server.close();
  }
});
