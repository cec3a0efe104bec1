import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import {
  PASSWORD_COST_CEILING,
  PASSWORD_COST_FLOOR,
  TEST_PASSWORD_COST_FLOOR,
  isTestRun,
} from "./auth/password.ts";
import { makeDir } from "./make-dir.ts";

/** Validated runtime configuration, read from the environment (and `.env` when present). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  smtpUrl: string | null;
  /** The sender of the platform's e-mail (SMTP_FROM). */
  smtpFrom: string;
  secret: string;
  logLevel: string;
  nodeEnv: string;
  /** Which proxies to believe for the client address (X-Forwarded-For): none by default. */
  trustProxy: boolean | number | string;
  /**
   * The address people reach the platform at (scheme, host and port, no path), e.g.
   * `https://tambon.example.org`; absolute links (password links) are built from it and an
   * `https://` address makes every cookie `Secure`. Null when unset.
   */
  publicUrl: string | null;
  /** Strict-Transport-Security max-age in seconds, sent on HTTPS responses; null = no header. */
  hstsMaxAge: number | null;
  /** Where notices reach the LINE Messaging API (LINE_API_URL); LINE's own address when unset. */
  lineApiUrl?: string;
  /** Bearer token that opens `/metrics` to a scraper (TAMBON_METRICS_TOKEN); null = none. */
  metricsToken?: string | null;
  /** Keep the last `keep` daily backups in TAMBON_DATA_DIR/backups (TAMBON_BACKUP_DAILY=1); null = off. */
  dailyBackups?: { keep: number } | null;
}

/** The bounds of TAMBON_PASSWORD_COST as config.ts checks them (its floor outside a test run: below). */
const PASSWORD_COST_RANGE = `TAMBON_PASSWORD_COST must be between ${TEST_PASSWORD_COST_FLOOR} and ${PASSWORD_COST_CEILING}`;

const schema = z.object({
  PORT: z.coerce
    .number({ error: "PORT must be a number" })
    .int("PORT must be a whole number")
    .min(1, "PORT must be between 1 and 65535")
    .max(65535, "PORT must be between 1 and 65535")
    .default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
    .optional(),
  TAMBON_DATA_DIR: z.string().min(1).default("./data"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")
    .optional(),
  SMTP_FROM: z
    .string()
    .refine(isMailbox, "SMTP_FROM must be an e-mail address, e.g. Tambon <tambon@example.org>")
    .default("tambon@localhost"),
  TAMBON_SECRET: z.string().min(32, "TAMBON_SECRET must be at least 32 characters").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NODE_ENV: z.string().default("development"),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/,
      "must be true, false, a number of proxy hops, or proxy addresses separated by commas",
    )
    .default("false"),
  PUBLIC_URL: z
    .string()
    .refine(
      isPublicUrl,
      "must be an http:// or https:// address without a path, e.g. https://tambon.example.org",
    )
    .optional(),
  HSTS_MAX_AGE: z.coerce
    .number({ error: "HSTS_MAX_AGE must be a number of seconds" })
    .int("HSTS_MAX_AGE must be a whole number of seconds")
    .min(0, "HSTS_MAX_AGE must be a number of seconds (0 or more)")
    .max(63072000, "HSTS_MAX_AGE must be at most 63072000 (two years)")
    .optional(),
  CHROMIUM_PATH: z
    .string()
    .refine((p) => existsSync(p), "CHROMIUM_PATH names no file; install chromium or fix the path")
    .optional(),
  TAMBON_PASSWORD_COST: z.coerce
    .number({ error: "TAMBON_PASSWORD_COST must be a number" })
    .int("TAMBON_PASSWORD_COST must be a whole number")
    .min(TEST_PASSWORD_COST_FLOOR, PASSWORD_COST_RANGE)
    .max(PASSWORD_COST_CEILING, PASSWORD_COST_RANGE)
    .optional(),
  TAMBON_METRICS_TOKEN: z
    .string()
    .regex(/^[\x21-\x7e]{24,}$/, "TAMBON_METRICS_TOKEN must be 24 or more visible ASCII characters")
    .optional(),
  /** `serve` writes a backup a day into TAMBON_DATA_DIR/backups (1 or true; 0 or false = off). */
  TAMBON_BACKUP_DAILY: z
    .enum(["1", "0", "true", "false"], { error: "must be 1 (on) or 0 (off)" })
    .default("0"),
  /** How many daily backups to keep. */
  TAMBON_BACKUP_KEEP: z.coerce
    .number({ error: "TAMBON_BACKUP_KEEP must be a number of backups" })
    .int("TAMBON_BACKUP_KEEP must be a whole number")
    .min(1, "TAMBON_BACKUP_KEEP must be between 1 and 366")
    .max(366, "TAMBON_BACKUP_KEEP must be between 1 and 366")
    .default(7),
  /** Where the LINE Messaging API answers (tests point it at a local stand-in). */
  LINE_API_URL: z
    .string()
    .refine(
      isPublicUrl,
      "LINE_API_URL must be an http:// or https:// address without a path, e.g. https://api.line.me",
    )
    .default("https://api.line.me"),
  /** PostgreSQL settings of every embedded database, "name=value,…" (core/db/pglite-settings.ts). */
  TAMBON_PGLITE_SETTINGS: z
    .string()
    .regex(
      /^\s*[a-z_]+=[^,=\s]+\s*(,\s*[a-z_]+=[^,=\s]+\s*)*$/,
      "TAMBON_PGLITE_SETTINGS must be name=value pairs separated by commas, e.g. shared_buffers=32MB",
    )
    .optional(),
  // Read only by `tambon create-admin`, which checks it itself.
  TAMBON_ADMIN_PASSWORD: z.string().optional(),
});

/** Every environment variable the platform reads (docs/configuration.md describes each). */
export const ENVIRONMENT_VARIABLES: readonly string[] = Object.keys(schema.shape);

/** Whether a value is an http(s) origin: no user, path, query or fragment (a trailing "/" is fine). */
function isPublicUrl(v: string): boolean {
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return false;
  }
  return (
    (url.protocol === "http:" || url.protocol === "https:") &&
    !url.username &&
    !url.password &&
    url.pathname === "/" &&
    !url.search &&
    !url.hash &&
    !/[?#]/.test(v)
  );
}

/** TRUST_PROXY as Fastify's trustProxy: false, true, a hop count or a list of addresses. */
function parseTrustProxy(v: string): boolean | number | string {
  if (v === "true") return true;
  if (v === "false") return false;
  if (/^\d+$/.test(v)) return Number(v);
  return v.replace(/\s+/g, "");
}

/** Raised when the environment holds a bad value; the message is one line naming the variable. */
export class ConfigError extends Error {}

/** Parses a `.env` file's text into key/value pairs (KEY=value, # comments, optional quotes). */
export function parseDotEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    if (eq < 1) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    out[key] = value;
  }
  return out;
}

/** Reads and validates the configuration; throws ConfigError with one clear line on bad input. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const merged: Record<string, string | undefined> = {};
  const dotenv = `${cwd}/.env`;
  if (env === process.env && existsSync(dotenv)) {
    Object.assign(merged, parseDotEnv(readFileSync(dotenv, "utf8")));
  }
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== "") merged[k] = v;
  const parsed = schema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join(".") ?? "config";
    throw new ConfigError(`${name}: ${issue?.message ?? "invalid value"}`);
  }
  const e = parsed.data;
  if (
    e.TAMBON_PASSWORD_COST !== undefined &&
    e.TAMBON_PASSWORD_COST < PASSWORD_COST_FLOOR &&
    !isTestRun(merged)
  )
    throw new ConfigError(
      `TAMBON_PASSWORD_COST: at least ${PASSWORD_COST_FLOOR} (OWASP's floor); lower only in a test run (NODE_ENV=test)`,
    );
  const publicUrl = e.PUBLIC_URL ? new URL(e.PUBLIC_URL).origin : null;
  if (e.HSTS_MAX_AGE !== undefined && publicUrl?.startsWith("http:"))
    throw new ConfigError(
      "HSTS_MAX_AGE: needs PUBLIC_URL to start with https:// (or no PUBLIC_URL)",
    );
  let secret = e.TAMBON_SECRET;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir: e.TAMBON_DATA_DIR,
    smtpUrl: e.SMTP_URL ?? null,
    smtpFrom: e.SMTP_FROM,
    // The secret kept in the data folder is read (or made) when first asked for, not here: a
    // command refused before it uses it (no database to reach) leaves no folder and no secret.
    get secret() {
      return (secret ??= persistentSecret(e.TAMBON_DATA_DIR));
    },
    logLevel: e.LOG_LEVEL,
    nodeEnv: e.NODE_ENV,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    publicUrl,
    hstsMaxAge: e.HSTS_MAX_AGE ?? null,
    metricsToken: e.TAMBON_METRICS_TOKEN ?? null,
    lineApiUrl: new URL(e.LINE_API_URL).origin,
    dailyBackups: /^(1|true)$/.test(e.TAMBON_BACKUP_DAILY) ? { keep: e.TAMBON_BACKUP_KEEP } : null,
  };
}

/** True for "name@host" or "Name <name@host>" (the name may be Thai). */
function isMailbox(value: string): boolean {
  const m = /^(?:[^<>\r\n]+<([^<>\s]+)>|([^<>\s]+))$/.exec(value.trim());
  const address = m?.[1] ?? m?.[2] ?? "";
  return /^[^@\s]+@[^@\s]+$/.test(address);
}

/** A per-installation secret kept in the data directory when TAMBON_SECRET is not set. */
function persistentSecret(dataDir: string): string {
  const file = `${dataDir}/secret.key`;
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("hex");
  try {
    makeDir(dataDir);
    writeFileSync(file, secret + "\n", { mode: 0o600 });
  } catch {
    // a read-only data dir: sessions then last only as long as this process
  }
  return secret;
}
