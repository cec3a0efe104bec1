// The embedded database (PGlite) of a data folder runs in its own thread, so that a slow statement
// (a search over thousands of items, an import) never stalls the server's other requests: the
// WebAssembly engine and its synchronous file reads would otherwise hold the event loop for as
// long as the statement runs. `pglite-worker-host.ts` owns the database; this side gives the query
// builder (drizzle-orm/pglite) the part of PGlite's interface it calls: `query`, `exec`,
// `transaction` and `close`.
//
// The thread runs statements one at a time, in the order they are sent; statements are sent as
// they come, and a transaction holds the database from BEGIN to COMMIT or ROLLBACK (its own
// statements run in order; everyone else waits), as PGlite does in its own thread. Errors come back with their PostgreSQL fields (code,
// constraint, detail…), so checks such as `code === "23505"` hold. The query builder passes
// parsers that keep date, time and interval text as it is (functions cannot cross threads): they
// are checked to be such and named to the host by type.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { HostRequest, HostResponse } from "./pglite-worker-host.ts";

/** What a statement returns, as PGlite gives it. */
export interface WorkerResults<T = Record<string, unknown>> {
  rows: T[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
}

/** Options of a statement the query builder passes: the row shape and per-type parsers. */
interface QueryOptions {
  rowMode?: "array" | "object";
  parsers?: Record<number, (value: string, typeId: number) => unknown>;
}

/** A transaction's handle: statements inside the transaction. */
export interface WorkerTransaction {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<WorkerResults<T>>;
  exec(sql: string): Promise<WorkerResults[]>;
  /** Ends the transaction with ROLLBACK (the function's result is then discarded). */
  rollback(): Promise<void>;
  readonly closed: boolean;
}

type Request = HostRequest extends infer R ? (R extends unknown ? Omit<R, "id"> : never) : never;

/** The text a parser is tried on: one that keeps text as it is returns it unchanged. */
const PROBE = "2026-01-02 03:04:05.678+07";

/** The types whose parser keeps the text as it is; throws for any other option or parser. */
function rawTypes(options: QueryOptions | undefined): number[] {
  if (!options) return [];
  for (const key of Object.keys(options))
    if (key !== "rowMode" && key !== "parsers")
      throw new Error(`PGlite worker: query option "${key}" is not supported`);
  return Object.entries(options.parsers ?? {}).map(([oid, parse]) => {
    if (parse(PROBE, Number(oid)) !== PROBE)
      throw new Error(`PGlite worker: the parser of type ${oid} cannot run in the worker`);
    return Number(oid);
  });
}

/** Rebuilds an error of the database thread in this one, with its fields. */
function rebuild(fields: Record<string, unknown> & { message: string }): Error {
  const { message, name, workerStack, ...rest } = fields;
  const err = Object.assign(new Error(message), rest);
  if (typeof name === "string") err.name = name;
  if (typeof workerStack === "string")
    err.stack = `${err.stack}\n    in the database thread: ${workerStack}`;
  return err;
}

/**
 * The database thread's nice value (0 to 19): it yields the processor to the server's thread.
 * On Linux a thread has its own nice value, so when a long statement and the server's requests
 * want the same core, the requests go first: cached pages and quick statements stay fast beside
 * a slow search, and a statement on an otherwise idle machine runs as fast as before.
 */
export const DATABASE_THREAD_NICE = 10;

/** The young generation of the database thread's JavaScript heap, in MB. */
const WORKER_YOUNG_GENERATION_MB = 6;

/** PGlite on a data folder, in a worker thread. */
export class PGliteWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();
  #next = 1;
  /** The end of the last turn taken: a transaction (or closing) starts after it. */
  #turn: Promise<unknown> = Promise.resolve();
  /** Turns taken and not yet ended: while any is, a lone statement waits its turn too. */
  #turns = 0;
  #closed = false;
  #failure: Error | null = null;
  readonly #ready: Promise<unknown>;

  private constructor(dataDir: string, nice: number) {
    const here = fileURLToPath(import.meta.url);
    // Beside this file: the compiled host in dist/, or the source when run through tsx.
    const host = path.join(path.dirname(here), `pglite-worker-host${path.extname(here)}`);
    // The thread's own JavaScript heap stays small: statements and their rows pass through it
    // quickly, and V8's default young generation (up to 48 MB, kept resident once grown) came
    // on top of the database's memory in every process that opens PGlite.
    const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
    // Run from the sources (tsx: development, benches), the thread registers tsx's loader first.
    this.#worker = host.endsWith(".ts")
      ? new Worker(
          `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(host).href)}); });`,
          { eval: true, workerData: { dataDir, nice }, resourceLimits },
        )
      : new Worker(host, { workerData: { dataDir, nice }, resourceLimits });
    this.#ready = new Promise((resolve, reject) => this.#pending.set(0, { resolve, reject }));
    this.#worker.on("message", (res: HostResponse) => {
      const waiting = this.#pending.get(res.id);
      if (!waiting) return;
      this.#pending.delete(res.id);
      this.#idle();
      if (res.ok) waiting.resolve(res.result);
      else waiting.reject(rebuild(res.error));
    });
    const fail = (err: Error) => {
      this.#failure = err;
      for (const waiting of this.#pending.values()) waiting.reject(err);
      this.#pending.clear();
    };
    this.#worker.on("error", fail);
    this.#worker.on("exit", (code) => {
      if (!this.#closed) fail(new Error(`PGlite worker: the database thread ended (${code})`));
    });
  }

  /**
   * Opens the data folder in a new thread; resolves once the database is ready. `nice` is the
   * thread's nice value (0: the server's own priority).
   */
  static async create(dataDir: string, nice = DATABASE_THREAD_NICE): Promise<PGliteWorker> {
    const client = new PGliteWorker(dataDir, nice);
    try {
      await client.#ready;
    } catch (err) {
      await client.#worker.terminate();
      throw err;
    }
    client.#idle();
    return client;
  }

  /** The thread keeps the process alive only while a request waits for its answer. */
  #idle() {
    if (this.#pending.size === 0) this.#worker.unref();
    else this.#worker.ref();
  }

  #send<T>(req: Request): Promise<T> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#closed) return Promise.reject(new Error("PGlite worker: the database is closed"));
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.#idle();
      this.#worker.postMessage({ ...req, id });
    });
  }

  /** Runs `work` when every earlier turn is done; later callers wait for it. */
  #inTurn<T>(work: () => Promise<T>): Promise<T> {
    this.#turns++;
    const run = this.#turn.then(work).finally(() => this.#turns--);
    this.#turn = run.catch(() => {});
    return run;
  }

  /** Requests sent to the database thread and not yet answered. */
  get waiting(): number {
    return this.#pending.size;
  }

  #query<T>(sql: string, params: unknown[] = [], options?: QueryOptions) {
    return this.#send<WorkerResults<T>>({
      op: "query",
      sql,
      params,
      rowMode: options?.rowMode,
      rawTypes: rawTypes(options),
    });
  }

  #exec(sql: string) {
    return this.#send<WorkerResults[]>({ op: "exec", sql });
  }

  /**
   * Runs one statement. When no transaction holds or waits for the database, it is sent at once,
   * behind any statements still running: the thread answers them in the order they came, so the
   * statements a page asks for together cross to it together instead of one answer at a time
   * (each crossing wakes both threads).
   */
  query<T = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
    options?: QueryOptions,
  ): Promise<WorkerResults<T>> {
    if (this.#turns === 0) {
      try {
        return this.#query<T>(sql, params, options);
      } catch (err) {
        return Promise.reject(err as Error);
      }
    }
    return this.#inTurn(() => this.#query<T>(sql, params, options));
  }

  exec(sql: string): Promise<WorkerResults[]> {
    return this.#inTurn(() => this.#exec(sql));
  }

  /** Runs `fn` in a transaction: COMMIT when it resolves, ROLLBACK when it throws. */
  transaction<T>(fn: (tx: WorkerTransaction) => Promise<T>): Promise<T> {
    return this.#inTurn(async () => {
      await this.#exec("BEGIN");
      let closed = false;
      const open = () => {
        if (closed) throw new Error("PGlite worker: the transaction is closed");
      };
      const tx: WorkerTransaction = {
        query: async (sql, params, options) => (open(), this.#query(sql, params, options)),
        exec: async (sql) => (open(), this.#exec(sql)),
        rollback: async () => {
          open();
          closed = true;
          await this.#exec("ROLLBACK");
        },
        get closed() {
          return closed;
        },
      };
      try {
        const result = await fn(tx);
        if (!closed) {
          closed = true;
          await this.#exec("COMMIT");
        }
        return result;
      } catch (err) {
        if (!closed) {
          closed = true;
          await this.#exec("ROLLBACK");
        }
        throw err;
      }
    });
  }

  /** Closes the database (after every earlier caller) and ends its thread. */
  close(): Promise<void> {
    return this.#inTurn(async () => {
      if (this.#closed) return;
      try {
        if (!this.#failure) await this.#send({ op: "close" });
      } finally {
        this.#closed = true;
        await this.#worker.terminate();
      }
    });
  }
}
