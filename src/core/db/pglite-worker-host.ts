// The thread that owns an embedded database (PGlite) for `pglite-worker.ts`: it opens the data
// folder it is given, answers each message (a statement, a script, close) in the order they come,
// and sends back the result or the error with its PostgreSQL fields. Statements run one at a
// time here; the other side decides which caller goes next (a transaction holds the database
// until it ends).
import { readlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { pgliteStartParams } from "./pglite-settings.ts";
import { KeptStatements } from "./pglite-statements.ts";

/** A request from the main thread. */
export type HostRequest =
  | {
      id: number;
      op: "query";
      sql: string;
      params: unknown[];
      rowMode?: "array" | "object";
      /** Types whose text is kept as it is (the query builder parses those itself). */
      rawTypes: number[];
    }
  | { id: number; op: "exec"; sql: string }
  | { id: number; op: "close" };

/** The answer to a request: its result, or the error's message and fields. */
export type HostResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: Record<string, unknown> & { message: string } };

/** What crosses the thread boundary of an error: its message and every plain field (code, constraint…). */
function errorFields(err: unknown): Record<string, unknown> & { message: string } {
  if (!(err instanceof Error)) return { message: String(err) };
  const out: Record<string, unknown> & { message: string } = {
    message: err.message,
    name: err.name,
  };
  for (const [key, value] of Object.entries(err)) {
    // The options hold functions, and the caller has the parameters (a password, say) itself.
    if (key === "queryOptions" || key === "params") continue;
    if (value === null || ["string", "number", "boolean", "undefined"].includes(typeof value))
      out[key] = value;
  }
  if (err.stack) out.workerStack = err.stack;
  return out;
}

const identity = (value: unknown) => value;

/**
 * Gives this thread the nice value `nice` (Linux only: a thread has its own there; elsewhere it
 * would be the whole process's, so the thread keeps the process's priority).
 */
function yieldToServer(nice: number) {
  if (process.platform !== "linux" || !nice) return;
  try {
    const thread = Number(path.basename(readlinkSync("/proc/thread-self")));
    os.setPriority(thread, nice);
  } catch {
    // No /proc (a sandbox): the thread keeps the process's priority.
  }
}

async function main() {
  const port = parentPort!;
  const { dataDir, nice } = workerData as { dataDir: string; nice: number };
  yieldToServer(nice);
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir, { startParams: pgliteStartParams() });
  } catch (err) {
    port.postMessage({ id: 0, ok: false, error: errorFields(err) } satisfies HostResponse);
    return;
  }
  const statements = new KeptStatements(db);
  port.postMessage({ id: 0, ok: true, result: null } satisfies HostResponse);
  // One request at a time, in arrival order.
  let queue: Promise<void> = Promise.resolve();
  port.on("message", (req: HostRequest) => {
    queue = queue.then(async () => {
      let res: HostResponse;
      try {
        let result: unknown = null;
        if (req.op === "query") {
          result = await statements.query(req.sql, req.params, {
            rowMode: req.rowMode,
            parsers: Object.fromEntries(req.rawTypes.map((oid) => [oid, identity])),
          });
        } else if (req.op === "exec") {
          result = await db.exec(req.sql);
        } else {
          await db.close();
        }
        res = { id: req.id, ok: true, result };
      } catch (err) {
        res = { id: req.id, ok: false, error: errorFields(err) };
      }
      port.postMessage(res);
      if (req.op === "close") port.close();
    });
  });
}

void main();
