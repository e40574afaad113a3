/**
 * The gateway with its signature computation replaced by the vendor's own signer (`AKSKSigner` of
 * @huaweicloud/huaweicloud-sdk-core) on the server side: what this package's signer produces is
 * accepted, and a signature made over a wrongly canonicalised request is refused — so a bug the
 * client and the shared signer had in common could not pass.
 */
import { AKSKSigner } from "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner";
import { createHash, createHmac } from "node:crypto";
import { startEmulator, type RunningEmulator, type SignedParts } from "pulumi-taurusdb-backups/emulator";
import { JSON_CONTENT_TYPE, passwordPath } from "../../../provider/api/instanceWire";
import { canonicalRequest, type SignableRequest, signedHeaderNames } from "../../../provider/api/signature";
import { backupsPath, type WireBackupPage, type WireError } from "../../../provider/api/wire";
import { callApi, signedFetch } from "../../support/emulatorRequests";

/**
 * The expected signature by the vendor's signer. It hashes `JSON.stringify(data)`, so a body is
 * given as the object it parses to, and only a body that is exactly that text can verify.
 */
function vendorSignature(parts: SignedParts): string {
  let data: unknown;
  if (parts.body !== "") {
    try {
      data = JSON.parse(parts.body);
    } catch {
      return "";
    }
    if (JSON.stringify(data) !== parts.body) return "";
  }
  // The vendor's signer looks X-Sdk-Date up by that spelling; the other names it takes as they come.
  const headers = Object.fromEntries(
    Object.entries(parts.headers).map(([name, value]) => [name === "x-sdk-date" ? "X-Sdk-Date" : name, value]),
  );
  const signed = AKSKSigner.sign(
    {
      method: parts.method,
      endpoint: `http://${parts.headers.host}${parts.rawPath}`,
      headers,
      queryParams: Object.fromEntries(parts.query),
      data,
    } as never,
    { getAk: () => parts.accessKey, getSk: () => parts.secretKey } as never,
  ) as Record<string, string>;
  return /Signature=([0-9a-f]{64})$/.exec(signed.Authorization)?.[1] ?? "";
}

function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The Authorization header over a canonical request that `distort` changed before hashing. */
function distortedAuthorization(
  emulator: RunningEmulator,
  request: SignableRequest,
  sdkDate: string,
  distort: (lines: string[]) => void,
): string {
  const lines = canonicalRequest(request).split("\n");
  distort(lines);
  const stringToSign = ["SDK-HMAC-SHA256", sdkDate, sha256Hex(lines.join("\n"))].join("\n");
  const signature = createHmac("sha256", emulator.credentials.secretKey).update(stringToSign).digest("hex");
  return `SDK-HMAC-SHA256 Access=${emulator.credentials.accessKey}, SignedHeaders=${signedHeaderNames(request.headers)}, Signature=${signature}`;
}

describe("a gateway verifying with the vendor's signer", () => {
  let emulator: RunningEmulator;
  let verified = 0;

  beforeAll(async () => {
    emulator = await startEmulator({
      backups: 12,
      signatureVerifier: (parts) => {
        verified++;
        return vendorSignature(parts);
      },
    });
  });
  afterAll(() => emulator.close());
  afterEach(() => emulator.control.unlock());

  const listPath = () => backupsPath(emulator.projectId, emulator.instanceId);

  it("accepts what this package's signer signs: queries that need encoding, a JSON body, a temporary key", async () => {
    const before = verified;
    const page = await callApi<WireBackupPage>(emulator, listPath(), {
      query: [
        ["limit", "3"],
        ["filter_field", "name"],
        ["filter_content", "升级 *'()!~"],
        ["offset", "0"],
      ],
    });
    expect(page.status).toBe(200);
    expect(
      (
        await callApi<WireBackupPage>(emulator, listPath(), {
          query: [
            ["offset", "2"],
            ["limit", "5"],
          ],
          as: "temporary",
        })
      ).body.backups,
    ).toHaveLength(5);
    const password = await callApi(emulator, passwordPath(emulator.projectId, emulator.instanceId), {
      body: JSON.stringify({ password: "Vendor-Checked-1" }),
    });
    expect(password.status).toBe(200);
    expect(emulator.control.passwordMatches("Vendor-Checked-1")).toBe(true);
    // Every one of them went through the injected verifier.
    expect(verified - before).toBe(3);
  });

  /** A list GET or a password POST, signed by hand over its canonical request as `distort` leaves it. */
  function sendSigned(kind: "list" | "password", distort: (lines: string[]) => void) {
    const post = kind === "password";
    return signedFetch<WireError>({
      base: emulator.url,
      path: post ? passwordPath(emulator.projectId, emulator.instanceId) : listPath(),
      query: post
        ? []
        : [
            ["offset", "1"],
            ["limit", "2"],
          ],
      body: post ? JSON.stringify({ password: "Hand-Signed-1" }) : undefined,
      signed: { "X-Project-Id": emulator.projectId, ...(post ? { "Content-Type": JSON_CONTENT_TYPE } : {}) },
      key: emulator.credentials,
      authorize: (request, sdkDate) => distortedAuthorization(emulator, request, sdkDate, distort),
    });
  }

  it("accepts the same hand-made signatures when the canonical request is left as it is", async () => {
    expect((await sendSigned("list", () => undefined)).status).toBe(200);
    expect((await sendSigned("password", () => undefined)).status).toBe(200);
    expect(emulator.control.passwordMatches("Hand-Signed-1")).toBe(true);
  });

  it.each([
    ["a canonical URI without its trailing slash", "list", (lines: string[]): void => void (lines[1] = lines[1].replace(/\/$/, ""))],
    ["a query left in the order given instead of sorted", "list", (lines: string[]): void => void (lines[2] = "offset=1&limit=2")],
    [
      "a header name not lower-cased",
      "list",
      (lines: string[]): void => {
        const at = lines.findIndex((line) => line.startsWith("x-sdk-date:"));
        lines[at] = lines[at].replace("x-sdk-date:", "X-Sdk-Date:");
      },
    ],
    [
      "a body hash over the pretty-printed body instead of the text sent",
      "password",
      (lines: string[]): void => {
        lines[lines.length - 1] = sha256Hex('{\n  "password": "Hand-Signed-1"\n}');
      },
    ],
  ] as const)("refuses a signature over %s", async (_label, kind, distort) => {
    const changes = emulator.control.passwordChanges();
    const { status, body } = await sendSigned(kind, distort);
    expect([status, body.error_code]).toEqual([401, "APIGW.0301"]);
    expect(body.error_msg).toContain("signature");
    expect(emulator.control.passwordChanges()).toBe(changes);
  });
});
