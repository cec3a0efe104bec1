// What the benches share: a fresh database of either kind, and signing in through the login form.
import { spawnSync } from "node:child_process";
import type { FastifyInstance } from "fastify";
import type { Config } from "../src/core/config.ts";
import { openDatabase, type Database, type Db } from "../src/core/db/index.ts";
import { bareTambon } from "../test/helpers/factories/core.ts";

/** A fresh database for one bench and how to drop it. */
export interface BenchDatabase {
  database: Database;
  drop: () => void;
}

/**
 * Opens a new, empty database: PGlite in memory, or a PostgreSQL database made for this run
 * (`tambon_bench_<label>_<pid>` on TEST_DATABASE_URL's server, dropped by `drop`).
 */
export async function openBenchDatabase(
  kind: "pglite" | "postgres",
  label: string,
): Promise<BenchDatabase> {
  if (kind === "pglite") return { database: await openDatabase({ memory: true }), drop: () => {} };
  const admin = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `tambon_bench_${label}_${process.pid}`;
  const psql = (q: string) => spawnSync("psql", [admin, "-qc", q], { encoding: "utf8" });
  const made = psql(`create database ${name}`);
  if (made.status !== 0) throw new Error(`PostgreSQL needed for this benchmark: ${made.stderr}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return { database, drop: () => void psql(`drop database if exists ${name} with (force)`) };
}

/** A tambon made for a bench (`bench-<key>`, DOPA code 9999 and the key in two digits), empty. */
export function benchTambon(db: Db, key: number): Promise<number> {
  const code = String(key).padStart(2, "0");
  return bareTambon(db, `bench-${code}`, `9999${code}`);
}

/** The app's configuration in a bench: production mode, no mail, logs off, a fixed secret. */
export function benchConfig(dataDir: string): Config {
  return {
    port: 0,
    host: "127.0.0.1",
    databaseUrl: null,
    dataDir,
    smtpUrl: null,
    smtpFrom: "tambon@localhost",
    secret: "bench-secret-bench-secret-bench-secret-01",
    logLevel: "silent",
    nodeEnv: "production",
    trustProxy: false,
    publicUrl: null,
    hstsMaxAge: null,
  };
}

/** An answer as signing in reads it. */
interface Answer {
  status: number;
  body: string;
  /** The `name=value` of each cookie set. */
  cookies: [string, string][];
}

const setCookies = (headers: string[]): [string, string][] =>
  headers.map((c) => {
    const [kv] = c.split(";");
    const i = kv!.indexOf("=");
    return [kv!.slice(0, i), kv!.slice(i + 1)];
  });

/**
 * Signs in through the login form and returns the session's Cookie header: through Fastify's
 * `inject` when given the app, over HTTP when given a listening server's base URL.
 */
export async function signIn(
  server: FastifyInstance | string,
  username: string,
  password: string,
): Promise<string> {
  const send = async (
    method: "GET" | "POST",
    cookie: string,
    form?: Record<string, string>,
  ): Promise<Answer> => {
    const headers: Record<string, string> = cookie ? { cookie } : {};
    if (form) headers["content-type"] = "application/x-www-form-urlencoded";
    const payload = form ? new URLSearchParams(form).toString() : undefined;
    if (typeof server === "string") {
      const res = await fetch(`${server}/login`, {
        method,
        redirect: "manual",
        headers,
        body: payload,
      });
      return {
        status: res.status,
        body: await res.text(),
        cookies: setCookies(res.headers.getSetCookie()),
      };
    }
    const res = await server.inject({ method, url: "/login", headers, payload });
    return {
      status: res.statusCode,
      body: res.body,
      cookies: res.cookies.map((c) => [c.name, c.value]),
    };
  };
  const jar = new Map<string, string>();
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const form = await send("GET", "");
  for (const [k, v] of form.cookies) jar.set(k, v);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? "";
  const res = await send("POST", header(), { identifier: username, password, _csrf: csrf });
  if (res.status !== 303) throw new Error(`login of ${username} failed: ${res.status}`);
  for (const [k, v] of res.cookies) jar.set(k, v);
  // The sign-in's message is shown once, on the page it leads to, which clears its cookie: a
  // browser does not send it again, so the pages measured after it do not carry it either.
  jar.delete("tflash");
  return header();
}
