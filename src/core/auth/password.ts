import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

const KEY_LEN = 32;
/** The block size and parallelism every new hash uses (OWASP: r=8, p=1). */
const R = 8;
const P = 1;

/** OWASP's floor for scrypt, as log2(N): N=2^17 (128 MiB per hash). */
export const PASSWORD_COST_FLOOR = 17;
/** The least cost a test run may set (TAMBON_PASSWORD_COST), to keep the suite quick. */
export const TEST_PASSWORD_COST_FLOOR = 10;
/** The greatest cost TAMBON_PASSWORD_COST may set: 2^20 needs 1 GiB per hash. */
export const PASSWORD_COST_CEILING = 20;

/**
 * Whether this process is a test run: NODE_ENV=test, or TAMBON_TEST_RUN_ID (set by
 * scripts/run-tests.mjs for every test process and the commands it starts) — and never when
 * NODE_ENV=production.
 */
export function isTestRun(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NODE_ENV === "production") return false;
  return env.NODE_ENV === "test" || !!env.TAMBON_TEST_RUN_ID;
}

/**
 * The problem with TAMBON_PASSWORD_COST, or null: a whole number from 17 to 20, or from 10 in a
 * test run (isTestRun). config.ts refuses to start with a problem; passwordCost never goes below.
 */
export function passwordCostProblem(value: string, env: NodeJS.ProcessEnv = process.env) {
  const v = Number(value);
  const floor = isTestRun(env) ? TEST_PASSWORD_COST_FLOOR : PASSWORD_COST_FLOOR;
  if (value.trim() === "" || !Number.isInteger(v) || v < floor || v > PASSWORD_COST_CEILING)
    return `must be a whole number from ${floor} to ${PASSWORD_COST_CEILING} (log2 of scrypt's N)${
      floor === PASSWORD_COST_FLOOR ? "; lower values are for test runs only" : ""
    }`;
  return null;
}

/**
 * scrypt cost as log2(N) for new hashes: 17 (OWASP's floor, 128 MiB per hash) by default;
 * TAMBON_PASSWORD_COST raises it, and lowers it (to 10) only in a test run. A value out of bounds
 * gives the default.
 */
export function passwordCost(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.TAMBON_PASSWORD_COST;
  if (given === undefined || passwordCostProblem(given, env)) return PASSWORD_COST_FLOOR;
  return Number(given);
}

function scryptAsync(password: string, salt: Buffer, n: number, r: number, p: number) {
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(
      password.normalize("NFC"),
      salt,
      KEY_LEN,
      // scrypt's working memory is 128·r·(N + p + 2) bytes: 128 MiB (and a little) at 2^17, r=8.
      { N: n, r, p, maxmem: 128 * r * (n + p + 2) + 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

interface Parameters {
  n: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

/** The parameters of a stored hash, or null when it is not one of ours. */
function parse(stored: string): Parameters | null {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return null;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const fine = (v: number, most: number) => Number.isInteger(v) && v >= 1 && v <= most;
  // N a power of two up to the ceiling: a stored hash never asks for more memory than we allow.
  if (!fine(n, 2 ** PASSWORD_COST_CEILING) || (n & (n - 1)) !== 0 || n < 2) return null;
  if (!fine(r, 32) || !fine(p, 16)) return null;
  return {
    n,
    r,
    p,
    salt: Buffer.from(parts[4]!, "base64url"),
    key: Buffer.from(parts[5]!, "base64url"),
  };
}

/** Hashes a password with scrypt (memory-hard); the result records its own parameters. */
export async function hashPassword(password: string): Promise<string> {
  const n = 2 ** passwordCost();
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, n, R, P);
  return `scrypt$${n}$${R}$${P}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

/** Checks a password against a stored hash in constant time; false for malformed hashes. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const hash = stored ? parse(stored) : null;
  if (!hash) return false;
  const actual = await scryptAsync(password, hash.salt, hash.n, hash.r, hash.p);
  return hash.key.length === actual.length && timingSafeEqual(hash.key, actual);
}

/**
 * Whether a stored hash is weaker than a new one would be (a smaller N or r), so that a login
 * that has just verified it stores the password again with today's parameters. A stronger hash
 * is kept as it is.
 */
export function needsRehash(stored: string): boolean {
  const hash = parse(stored);
  if (!hash) return false;
  return hash.n < 2 ** passwordCost() || hash.r < R;
}

/** Rules for a new password; returns a message key or null when acceptable. */
export function passwordProblem(password: string): "password.tooShort" | "password.tooLong" | null {
  if ([...password].length < 8) return "password.tooShort";
  if (password.length > 200) return "password.tooLong";
  return null;
}
