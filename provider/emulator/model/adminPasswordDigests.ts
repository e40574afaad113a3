/**
 * The admin password of each instance, kept only as a salted scrypt digest: the emulator can tell a
 * test whether a candidate matches, and how many times the password changed, but never what it is.
 */
import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";

interface Digest {
  readonly salt: Buffer;
  readonly hash: Buffer;
}

interface PasswordRecord {
  digest?: Digest;
  changes: number;
}

/** A low cost (N = 2^10): the digest only has to keep the text out of memory dumps and logs, fast. */
const SCRYPT = { keyLength: 32, options: { N: 1024, r: 8, p: 1 } } as const;

export class AdminPasswordDigests {
  private readonly records = new Map<string, PasswordRecord>();

  set(instanceId: string, password: string): void {
    const record = this.record(instanceId);
    const salt = randomBytes(16);
    record.digest = { salt, hash: digest(password, salt) };
    record.changes++;
  }

  /** False until a password was set. */
  matches(instanceId: string, candidate: string): boolean {
    const stored = this.records.get(instanceId)?.digest;
    return stored !== undefined && timingSafeEqual(stored.hash, digest(candidate, stored.salt));
  }

  changes(instanceId: string): number {
    return this.records.get(instanceId)?.changes ?? 0;
  }

  private record(instanceId: string): PasswordRecord {
    let record = this.records.get(instanceId);
    if (!record) {
      record = { changes: 0 };
      this.records.set(instanceId, record);
    }
    return record;
  }
}

function digest(password: string, salt: Buffer): Buffer {
  return scryptSync(password, salt, SCRYPT.keyLength, SCRYPT.options);
}
