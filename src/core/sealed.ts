import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Secrets of others that the platform must keep readable (a tambon's LINE channel token and
 * channel secret), kept encrypted at rest: AES-256-GCM under a key derived (HKDF-SHA256) from the
 * installation secret, so a database dump alone does not give them away. A sealed value is
 * `v1:` + base64(12-byte nonce, 16-byte tag, ciphertext); `bound` (which row and column it
 * belongs to) is authenticated with it, so a value copied to another row does not open.
 */
const PREFIX = "v1:";
const keys = new Map<string, Buffer>();

function keyOf(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(
      hkdfSync("sha256", secret, "tambon", "tambon: sealed values at rest, v1", 32),
    );
    keys.set(secret, key);
  }
  return key;
}

/** Whether a stored value is sealed (an older row may still hold the plain value). */
export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

/** Encrypts `plain` for storing; `bound` names where it is kept (e.g. "line_channels:7:token"). */
export function seal(secret: string, plain: string, bound: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(secret), nonce);
  cipher.setAAD(Buffer.from(bound));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([nonce, cipher.getAuthTag(), body]).toString("base64");
}

/** Thrown when a sealed value does not open: another secret, another row, or altered. */
export class UnsealError extends Error {
  constructor(bound: string) {
    super(`a sealed value (${bound}) does not open with this installation's secret`);
  }
}

/** The plain value of a stored one (a value stored before sealing is returned as it is). */
export function unseal(secret: string, stored: string, bound: string): string {
  if (!isSealed(stored)) return stored;
  const raw = Buffer.from(stored.slice(PREFIX.length), "base64");
  if (raw.length < 28) throw new UnsealError(bound);
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyOf(secret), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(bound));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    throw new UnsealError(bound);
  }
}
