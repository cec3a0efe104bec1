import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

const KEY_LEN = 32;

/** scrypt cost as log2(N): 16 (64 MiB per hash) by default, TAMBON_PASSWORD_COST to tune, never below 14. */
export function passwordCost(): number {
  const v = Number(process.env.TAMBON_PASSWORD_COST ?? 16);
  return Number.isInteger(v) && v >= 14 && v <= 20 ? v : 16;
}

function scryptAsync(password: string, salt: Buffer, n: number, r: number, p: number) {
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(
      password.normalize("NFC"),
      salt,
      KEY_LEN,
      { N: n, r, p, maxmem: 256 * n * r + 16 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

/** Hashes a password with scrypt (memory-hard); the result records its own parameters. */
export async function hashPassword(password: string): Promise<string> {
  const n = 2 ** passwordCost();
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, n, 8, 1);
  return `scrypt$${n}$8$1$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

/** Checks a password against a stored hash in constant time; false for malformed hashes. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (!stored) return false;
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [, n, r, p, salt, key] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(key, "base64url");
  const actual = await scryptAsync(
    password,
    Buffer.from(salt, "base64url"),
    Number(n),
    Number(r),
    Number(p),
  );
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Rules for a new password; returns a message key or null when acceptable. */
export function passwordProblem(password: string): "password.tooShort" | "password.tooLong" | null {
  if ([...password].length < 8) return "password.tooShort";
  if (password.length > 200) return "password.tooLong";
  return null;
}
