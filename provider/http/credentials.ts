/**
 * Credentials in memory. They print as `[redacted]` however they are printed (string, JSON,
 * `util.inspect`, a logger walking the object), so a stray log line cannot leak them.
 */
import { createHash } from "node:crypto";
import { inspect } from "node:util";

abstract class RedactedCredentials {
  abstract readonly kind: "aksk" | "token";
  /** A label safe to show: the kind of credentials, nothing of their values. */
  abstract describe(): string;
  /** Who is asking, as a key that holds no secret: requests of one identity share a quota. */
  abstract readonly identity: string;
  /** Every value that must never be shown, for redacting server text that may echo them. */
  abstract knownSecrets(): readonly string[];
  toString(): string {
    return `[redacted ${this.describe()}]`;
  }
  toJSON(): string {
    return this.toString();
  }
  [inspect.custom](): string {
    return this.toString();
  }
}

/** An AK/SK pair (with a security token when temporary): requests are signed. */
export class AkSkCredentials extends RedactedCredentials {
  readonly kind = "aksk" as const;
  readonly #secretKey: string;
  readonly #securityToken?: string;

  constructor(
    readonly accessKey: string,
    secretKey: string,
    securityToken?: string,
  ) {
    super();
    this.#secretKey = secretKey;
    this.#securityToken = securityToken;
  }

  get secretKey(): string {
    return this.#secretKey;
  }

  get securityToken(): string | undefined {
    return this.#securityToken;
  }

  get identity(): string {
    return `ak:${this.accessKey}`;
  }

  knownSecrets(): readonly string[] {
    return [this.accessKey, this.#secretKey, ...(this.#securityToken ? [this.#securityToken] : [])];
  }

  describe(): string {
    return `AK/SK credentials${this.#securityToken ? " (temporary)" : ""}`;
  }
}

/** An IAM token, sent as `X-Auth-Token`. */
export class TokenCredentials extends RedactedCredentials {
  readonly kind = "token" as const;
  readonly #token: string;

  constructor(token: string) {
    super();
    this.#token = token;
  }

  get token(): string {
    return this.#token;
  }

  knownSecrets(): readonly string[] {
    return [this.#token];
  }

  get identity(): string {
    return `token:${createHash("sha256").update(this.#token).digest("hex").slice(0, 32)}`;
  }

  describe(): string {
    return "IAM token credentials";
  }
}

export type Credentials = AkSkCredentials | TokenCredentials;
