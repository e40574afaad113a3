/**
 * The project id found through IAM (provider/calls/findProjectId.ts), against a stub IAM that
 * answers what the test gives it: the one project named after the region is chosen, anything else
 * is refused clearly, and a failed lookup is not remembered.
 */
import { getEventListeners } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { openSession } from "../../../provider/calls/apiSession";
import { forgetProjectIds } from "../../../provider/calls/findProjectId";
import { TaurusDbResponseError } from "../../../provider/errors";
import { AkSkCredentials } from "../../../provider/http/credentials";
import { list, rejectionOf, waitFor } from "../../support/emulator";
import { startStubServer, type StubServer } from "../../support/stubServer";

const REGION = "cn-north-4";
const PROJECT = "a".repeat(32);
const INSTANCE = "b".repeat(32) + "in07";

let server: StubServer;
let projects: unknown;
const asked: string[] = [];
/** While set, IAM's answers wait here until the test sends them. */
let held: Array<() => void> | undefined;

beforeAll(async () => {
  server = await startStubServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url!, "http://stub");
    response.setHeader("Content-Type", "application/json");
    if (url.pathname.startsWith("/v3/projects")) {
      asked.push(url.searchParams.get("name") ?? "");
      const send = () => response.end(JSON.stringify(projects));
      if (held) held.push(send);
      else send();
    } else {
      response.end(JSON.stringify({ backups: [], total_count: "0" }));
    }
  });
});
afterAll(() => server.close());
beforeEach(() => {
  forgetProjectIds();
  asked.length = 0;
  held = undefined;
});

const listByRegion = () =>
  list({ instanceId: INSTANCE, region: REGION, endpoint: server.url, iamEndpoint: server.url, accessKey: "AK", secretKey: "SK" });

test("the project named after the region, with a well-formed id, is chosen; the region is the name asked for", async () => {
  projects = {
    projects: [
      { id: "c".repeat(32), name: "cn-south-1" },
      { id: "not a project id", name: REGION },
      { name: REGION },
      null,
      { id: PROJECT, name: REGION },
    ],
  };
  expect((await listByRegion()).projectId).toBe(PROJECT);
  expect(asked).toEqual([REGION]);
});

test.each([
  [{ projects: [] }, `no project named "${REGION}" is visible to these credentials; set projectId explicitly`],
  [{ projects: [{ id: "c".repeat(32), name: "cn-south-1" }] }, `no project named "${REGION}" is visible to these credentials`],
  [
    {
      projects: [
        { id: PROJECT, name: REGION },
        { id: "d".repeat(32), name: REGION },
      ],
    },
    `2 projects are named "${REGION}"; set projectId explicitly`,
  ],
  [{ project: [] }, "the IAM project list has no `projects` array"],
  [null, "the IAM project list has no `projects` array"],
])("%j is refused: %s", async (body, message) => {
  projects = body;
  const error = await rejectionOf(listByRegion());
  expect(error).toBeInstanceOf(TaurusDbResponseError);
  expect(error.message).toContain(message);
});

test("a failed lookup is not remembered: the next listing asks again, and a found id is", async () => {
  projects = { projects: [] };
  await rejectionOf(listByRegion());
  projects = { projects: [{ id: PROJECT, name: REGION }] };
  await listByRegion();
  await listByRegion();
  expect(asked).toHaveLength(2);
});

test("an id that is not a string is not taken, even when it reads as one", async () => {
  projects = {
    projects: [
      { id: ["e".repeat(32)], name: REGION },
      { id: PROJECT, name: REGION },
    ],
  };
  expect((await listByRegion()).projectId).toBe(PROJECT);
});

describe("a lookup shared by callers that wait for it at once", () => {
  const session = () =>
    openSession(
      { region: REGION, endpoint: server.url, iamEndpoint: server.url, credentials: new AkSkCredentials("AK", "SK") },
      { maxConcurrency: 2, maxAttempts: 1, requestTimeoutMs: 5_000, timeoutMs: 30_000 },
    );

  test("a caller that gives up stops waiting with its own reason; the others get the id from the one request", async () => {
    projects = { projects: [{ id: PROJECT, name: REGION }] };
    held = [];
    const { scope } = session();
    const quitter = new AbortController();
    const quitting = scope(quitter.signal);
    const waiting = scope(new AbortController().signal);
    await waitFor(() => held!.length === 1);
    const reason = new Error("the listing was cancelled");
    quitter.abort(reason);
    held[0]();
    await expect(quitting).rejects.toBe(reason);
    expect((await waiting).projectId).toBe(PROJECT);
    expect(asked).toEqual([REGION]);
  });

  test("a caller's signal holds no listener of the lookup once the id is found", async () => {
    projects = { projects: [{ id: PROJECT, name: REGION }] };
    const caller = new AbortController();
    expect((await session().scope(caller.signal)).projectId).toBe(PROJECT);
    expect(getEventListeners(caller.signal, "abort")).toHaveLength(0);
  });
});
