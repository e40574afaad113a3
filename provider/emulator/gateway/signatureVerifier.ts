/**
 * How the gateway computes the signature a request must carry. The default rebuilds the canonical
 * request with the shared signer (`provider/api/signature.ts`), the one the client signs with; so a
 * canonicalisation bug both use would pass unnoticed. A test can inject another computation — the
 * vendor's own signer — to make such a bug show up as a refused request.
 */
import { signature } from "../../api/signature";

/** What a signature covers, as the gateway received it. */
export interface SignedParts {
  readonly accessKey: string;
  /** The secret key of `accessKey`; never logged, never answered. */
  readonly secretKey: string;
  readonly method: string;
  /** The path as received (still percent-encoded), without the query. */
  readonly rawPath: string;
  /** The query parameters, decoded, in received order. */
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** The headers named in `SignedHeaders`: lower-case names, values as received. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as received, as UTF-8 text (`""` for none). */
  readonly body: string;
  /** The `X-Sdk-Date` value. */
  readonly sdkDate: string;
}

/** Returns the hex signature the request should carry; the gateway compares it in constant time. */
export type SignatureVerifier = (parts: SignedParts) => string;

export const sharedSignerVerifier: SignatureVerifier = (parts) =>
  signature(
    parts.secretKey,
    { method: parts.method, path: parts.rawPath, query: parts.query, headers: parts.headers, body: parts.body },
    parts.sdkDate,
  );
