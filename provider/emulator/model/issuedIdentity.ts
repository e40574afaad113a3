/**
 * The fake identity the emulator accepts: one project, a permanent AK/SK, a temporary AK/SK with
 * its security token, and an IAM token. All derive from the seed, so a fixed seed gives fixed
 * credentials. They open nothing but this emulator, which is why the CLI prints them. The tenant is
 * that project as the APIs serve it, in the region the emulator pretends to be.
 */
import type { Random } from "./seededRandom";

export interface TemporaryCredentials {
  readonly accessKey: string;
  readonly secretKey: string;
  readonly securityToken: string;
}

export interface EmulatorCredentials {
  readonly accessKey: string;
  readonly secretKey: string;
  /** Accepted in `X-Auth-Token`. */
  readonly authToken: string;
  readonly temporary: TemporaryCredentials;
}

/** The project the emulator serves, in the region it pretends to be. */
export interface Tenant {
  readonly projectId: string;
  readonly domainId: string;
  readonly region: string;
}

export interface Identity {
  readonly projectId: string;
  readonly domainId: string;
  readonly credentials: EmulatorCredentials;
}

export function generateIdentity(random: Random): Identity {
  return {
    projectId: random.hex(32),
    domainId: random.hex(32),
    credentials: {
      // Shapes of the real ones: 20-character AKs, 40-character SKs, long opaque tokens.
      accessKey: random.upperAlphanumeric(20),
      secretKey: random.alphanumeric(40),
      authToken: `MIIEmulator${random.alphanumeric(180)}`,
      temporary: {
        accessKey: random.upperAlphanumeric(20),
        secretKey: random.alphanumeric(40),
        securityToken: `gQpjbi1ub3J0aC00${random.alphanumeric(240)}`,
      },
    },
  };
}
