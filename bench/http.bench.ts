import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { signIn } from "./db.ts";

const root = path.resolve(import.meta.dirname, "..");
const bin = path.join(root, "bin/tambon.js");

/** Environment of a bench server process. */
export type Env = Record<string, string>;

export function tambon(args: string[], env: Env) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`tambon ${args.join(" ")} failed: ${r.stderr}`);
}

export async function waitFor(url: string, child: ChildProcess, limitMs = 30_000): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < limitMs) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status === 200) {
        await res.arrayBuffer();
        return performance.now() - start;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no answer from ${url} within ${limitMs} ms`);
}

export function startServer(env: Env): ChildProcess {
  return spawn(process.execPath, [bin, "serve"], {
    env: { ...process.env, LOG_LEVEL: "warn", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const done = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await done;
}

async function load(url: string, headers: Record<string, string> = {}, seconds = 10) {
  const r = await autocannon({ url, connections: 50, duration: seconds, headers });
  return { rps: Math.round(r.requests.average), p99: r.latency.p99, errors: r.errors + r.non2xx };
}

/**
 * The cookies of a member signed in on a bench server, as a browser keeps them: the session and
 * the form-token cookie the sign-in sets (without it every page would mint a new one).
 */
export function sessionCookie(base: string): Promise<string> {
  return signIn(base, "langu-member", "tambon-demo");
}

/** Cold start (database already created) to the first served page, median of 3, on PGlite. */
export async function benchColdStart(): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(path.join(tmpdir(), "tambon-bench-"));
  const env = { TAMBON_DATA_DIR: dir, PORT: "3191" };
  tambon(["demo"], env);
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const child = startServer(env);
    times.push(await waitFor("http://127.0.0.1:3191/t/la-ngu", child));
    await stop(child);
  }
  rmSync(dir, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  return { "cold start to first page (ms, median of 3)": Math.round(times[1]!) };
}

/**
 * A bench server's environment with the demo loaded: its own data folder and, on PostgreSQL, a
 * database of its own; `cleanup` removes both.
 */
export function demoServerEnv(
  kind: "pglite" | "postgres",
  port: number,
): { env: Env; base: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "tambon-bench-"));
  const env: Env = { TAMBON_DATA_DIR: dir, PORT: String(port) };
  let dropDb: (() => void) | null = null;
  if (kind === "postgres") {
    const admin = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
    const name = `tambon_bench_${process.pid}_${port}`;
    const psql = (q: string) => spawnSync("psql", [admin, "-qc", q], { encoding: "utf8" });
    const made = psql(`create database ${name}`);
    if (made.status !== 0) throw new Error(`PostgreSQL needed for this benchmark: ${made.stderr}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDb = () => void psql(`drop database if exists ${name} with (force)`);
  }
  tambon(["demo"], env);
  return {
    env,
    base: `http://127.0.0.1:${port}`,
    cleanup: () => {
      dropDb?.();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Home page throughput with 50 connections, anonymous (cached) and signed in, on one database. */
export async function benchHomePage(
  kind: "pglite" | "postgres",
): Promise<Record<string, string | number>> {
  const { env, base, cleanup } = demoServerEnv(kind, 3192);
  const child = startServer(env);
  try {
    await waitFor(`${base}/t/la-ngu`, child);
    await load(`${base}/t/la-ngu`, {}, 3); // warm-up
    const anon = await load(`${base}/t/la-ngu`, { "accept-encoding": "br, gzip" });
    const cookie = await sessionCookie(base);
    const signed = await load(`${base}/t/la-ngu`, { cookie, "accept-encoding": "br, gzip" });
    return {
      [`${kind}: home page, anonymous (req/s)`]: anon.rps,
      [`${kind}: home page, anonymous (p99 ms)`]: anon.p99,
      [`${kind}: home page, signed in (req/s)`]: signed.rps,
      [`${kind}: home page, signed in (p99 ms)`]: signed.p99,
      [`${kind}: errors`]: anon.errors + signed.errors,
    };
  } finally {
    await stop(child);
    cleanup();
  }
}
