/**
 * Our SDK-HMAC-SHA256 signer against the vendor's own (`AKSKSigner` in
 * @huaweicloud/huaweicloud-sdk-core), byte for byte, on the requests the client really sends.
 */
import { AKSKSigner } from "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner";
import fc from "fast-check";
import {
  authorizationHeader,
  canonicalPath,
  canonicalQuery,
  formatSdkDate,
  parseAuthorization,
  parseSdkDate,
  signaturesEqual,
} from "../../../provider/api/signature";
import { authenticate } from "../../../provider/http/authenticate";
import { AkSkCredentials } from "../../../provider/http/credentials";

const PROJECT = "619d3e78f61b4be68bc5aa0b59edcf7b";
const INSTANCE = "61a4ea66210545909d74a05c27a7179ein07";
const BACKUPS = `/v3/${PROJECT}/instances/${INSTANCE}/backups`;

/** What the vendor's signer says the Authorization header of this request is. */
function vendorAuthorization(options: {
  url: string;
  headers: Record<string, string>;
  query: Array<[string, string]>;
  ak: string;
  sk: string;
  method?: string;
  data?: unknown;
}): string {
  const headers = Object.fromEntries(Object.entries(options.headers).map(([k, v]) => [k.toLowerCase() === "host" ? "host" : k, v]));
  const signed = AKSKSigner.sign(
    {
      method: options.method ?? "GET",
      endpoint: options.url,
      headers,
      queryParams: Object.fromEntries(options.query),
      data: options.data,
    } as never,
    { getAk: () => options.ak, getSk: () => options.sk } as never,
  );
  return (signed as Record<string, string>).Authorization;
}

describe("SDK-HMAC-SHA256 matches the vendor's signer", () => {
  const date = "20260104T093030Z";

  test.each([
    ["no query", []],
    [
      "paging",
      [
        ["offset", "0"],
        ["limit", "100"],
      ],
    ],
    [
      "ordering and a name filter",
      [
        ["order_field", "beginTime"],
        ["order_rule", "desc"],
        ["filter_field", "name"],
        ["filter_content", "daily"],
      ],
    ],
    [
      "values that need encoding",
      [
        ["filter_content", "日次 backup ~*'()!&=+/?#%"],
        ["filter_field", "name"],
      ],
    ],
    ["an empty value", [["filter_content", ""]]],
    ["emoji (a surrogate pair)", [["filter_content", "db-🚀-prod"]]],
  ] as Array<[string, Array<[string, string]>]>)("%s", (_label, query) => {
    const headers = { host: "gaussdb.cn-north-4.myhuaweicloud.com", "X-Sdk-Date": date, "X-Project-Id": PROJECT, "X-Language": "en-us" };
    const ours = authorizationHeader(
      { accessKey: "AKEXAMPLE123", secretKey: "sk/with+chars=" },
      { method: "GET", path: BACKUPS, query, headers },
      date,
    );
    expect(ours).toBe(
      vendorAuthorization({
        url: `https://gaussdb.cn-north-4.myhuaweicloud.com${BACKUPS}`,
        headers,
        query,
        ak: "AKEXAMPLE123",
        sk: "sk/with+chars=",
      }),
    );
  });

  test("a temporary key with a security token, on a loopback port", () => {
    const headers = { host: "127.0.0.1:40123", "X-Sdk-Date": date, "X-Project-Id": PROJECT, "X-Security-Token": "gQpjbi1ub3J0aC00...+/=" };
    const query: Array<[string, string]> = [
      ["offset", "200"],
      ["limit", "100"],
    ];
    const ours = authorizationHeader({ accessKey: "TMPAK", secretKey: "TMPSK" }, { method: "GET", path: BACKUPS, query, headers }, date);
    expect(ours).toBe(vendorAuthorization({ url: `http://127.0.0.1:40123${BACKUPS}`, headers, query, ak: "TMPAK", sk: "TMPSK" }));
  });

  test("for any query values and secret key (property)", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 40 });
    fc.assert(
      fc.property(text, fc.string({ minLength: 1, maxLength: 40 }), fc.nat(100_000), (content, sk, offset) => {
        const headers = { host: "gaussdb-mysql.af-south-1.myhuaweicloud.com", "X-Sdk-Date": date, "X-Project-Id": PROJECT };
        const query: Array<[string, string]> = [
          ["offset", String(offset)],
          ["filter_content", content],
          ["filter_field", "name"],
        ];
        const ours = authorizationHeader({ accessKey: "AK", secretKey: sk }, { method: "GET", path: BACKUPS, query, headers }, date);
        return (
          ours ===
          vendorAuthorization({ url: `https://gaussdb-mysql.af-south-1.myhuaweicloud.com${BACKUPS}`, headers, query, ak: "AK", sk })
        );
      }),
      { numRuns: 300 },
    );
  });

  test("a POST with a JSON body (a restore) signs its body's hash as the vendor's signer does", () => {
    const credentials = new AkSkCredentials("AKCLIENT", "client-secret");
    const body = {
      source_instance_id: INSTANCE,
      target_instance_id: "0".repeat(32) + "in07",
      type: "backup",
      backup_id: "a".repeat(32) + "br01",
    };
    const signed = authenticate(
      {
        method: "POST",
        baseUrl: "https://gaussdb.cn-north-4.myhuaweicloud.com",
        path: `/v3/${PROJECT}/instances/restore`,
        query: [],
        headers: { "X-Project-Id": PROJECT, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      },
      credentials,
      new Date(Date.UTC(2026, 0, 4, 9, 30, 30)),
    );
    const { Authorization, ...rest } = signed.headers;
    expect(Authorization).toBe(
      vendorAuthorization({ url: signed.url, headers: rest, query: [], ak: "AKCLIENT", sk: "client-secret", method: "POST", data: body }),
    );
    // And the body is part of it: another body gives another signature.
    expect(Authorization).not.toBe(
      vendorAuthorization({
        url: signed.url,
        headers: rest,
        query: [],
        ak: "AKCLIENT",
        sk: "client-secret",
        method: "POST",
        data: { ...body, type: "timestamp" },
      }),
    );
  });

  test("the client's own signed request verifies under the vendor's signer", () => {
    const credentials = new AkSkCredentials("AKCLIENT", "client-secret", "session-token");
    const query: Array<[string, string]> = [
      ["filter_content", "週次 & monthly"],
      ["filter_field", "name"],
      ["limit", "50"],
      ["offset", "50"],
    ];
    const signed = authenticate(
      {
        method: "GET",
        baseUrl: "https://gaussdb.cn-north-4.myhuaweicloud.com",
        path: BACKUPS,
        query,
        headers: { "X-Project-Id": PROJECT, "X-Language": "zh-cn" },
      },
      credentials,
      new Date(Date.UTC(2026, 0, 4, 9, 30, 30)),
    );
    expect(signed.headers["X-Sdk-Date"]).toBe(date);
    expect(signed.headers["X-Security-Token"]).toBe("session-token");
    const { Authorization, ...rest } = signed.headers;
    expect(Authorization).toBe(
      vendorAuthorization({ url: signed.url.split("?")[0], headers: rest, query, ak: "AKCLIENT", sk: "client-secret" }),
    );
    // The wire query is the canonical one, so the gateway decodes exactly what was signed.
    expect(signed.url).toBe(`https://gaussdb.cn-north-4.myhuaweicloud.com${BACKUPS}?${canonicalQuery(query)}`);
  });
});

describe("the URL as sent", () => {
  test("an endpoint with a base path keeps it, whatever slashes end it", () => {
    const sent = (baseUrl: string) =>
      authenticate(
        { method: "GET", baseUrl, path: "/v3/p1/instances", query: [], headers: {} },
        new AkSkCredentials("AK", "secret"),
        new Date(),
      ).url;
    expect(sent("https://proxy.example.test/taurus")).toBe("https://proxy.example.test/taurus/v3/p1/instances");
    expect(sent("https://proxy.example.test/taurus//")).toBe("https://proxy.example.test/taurus/v3/p1/instances");
  });
});

describe("signature helpers", () => {
  test("canonical paths end in a slash and keep unreserved characters", () => {
    expect(canonicalPath("/v3/projects")).toBe("/v3/projects/");
    expect(canonicalPath("/v3/a b/")).toBe("/v3/a%20b/");
  });

  test("X-Sdk-Date round-trips and rejects other forms", () => {
    const when = new Date(Date.UTC(2026, 10, 29, 1, 2, 3));
    expect(formatSdkDate(when)).toBe("20261129T010203Z");
    expect(parseSdkDate("20261129T010203Z")?.getTime()).toBe(when.getTime());
    expect(parseSdkDate("2026-11-29T01:02:03Z")).toBeUndefined();
    expect(parseSdkDate("20261340T010203Z")).toBeUndefined();
  });

  test("parses an Authorization header of this algorithm only", () => {
    const sig = "a".repeat(64);
    expect(parseAuthorization(`SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature=${sig}`)).toEqual({
      accessKey: "AK1",
      signedHeaders: ["host", "x-sdk-date"],
      signature: sig,
    });
    expect(parseAuthorization("Bearer abc")).toBeUndefined();
  });

  test("reads only a whole header: any spacing between its parts, nothing before or after, a 64-digit signature", () => {
    const sig = "0123456789abcdef".repeat(4);
    const parsed = { accessKey: "AK1", signedHeaders: ["host", "x-sdk-date"], signature: sig };
    expect(parseAuthorization(`SDK-HMAC-SHA256   Access=AK1,SignedHeaders=host;x-sdk-date,  Signature=${sig}`)).toEqual(parsed);
    expect(parseAuthorization(`xSDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature=${sig}`)).toBeUndefined();
    expect(parseAuthorization(`SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature=${sig}0`)).toBeUndefined();
    expect(parseAuthorization(`SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature=${sig.slice(1)}`)).toBeUndefined();
  });

  test("X-Sdk-Date is read only whole", () => {
    expect(parseSdkDate("x20261129T010203Z")).toBeUndefined();
    expect(parseSdkDate("20261129T010203Zx")).toBeUndefined();
  });

  test("signatures compare equal only when identical, and unequal lengths are simply unequal", () => {
    expect(signaturesEqual("ab".repeat(32), "ab".repeat(32))).toBe(true);
    expect(signaturesEqual("ab".repeat(32), "ab".repeat(31) + "ac")).toBe(false);
    expect(signaturesEqual("ab", "abc")).toBe(false);
  });

  test("the query is sorted by key in code-unit order, then by value for a repeated key", () => {
    expect(
      canonicalQuery([
        ["b", "1"],
        ["a", "2"],
        ["a", "1"],
        ["B", "0"],
      ]),
    ).toBe("B=0&a=1&a=2&b=1");
    expect(
      canonicalQuery([
        ["a", "1"],
        ["a", "1"],
      ]),
    ).toBe("a=1&a=1");
  });
});
