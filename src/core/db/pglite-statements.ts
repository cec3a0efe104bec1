// Statements an embedded database (PGlite) keeps prepared by name. PGlite's own `query` sends
// every statement unnamed: each run is parsed, described (a second call into the engine, for its
// parameters' types) and planned anew, which in WebAssembly is most of a page's statement: the
// site search at 200 documents spent more time planning than running. A statement asked a second
// time is prepared under a name and afterwards only bound and run, as PostgreSQL drivers (and the
// server's own connections here, through postgres-js) do.
import {
  parse,
  protocol,
  type PGlite,
  type QueryOptions,
  type Results,
  type Transaction,
} from "@electric-sql/pglite";

/** How many statements one database keeps prepared; past it, the one used least lately is closed. */
export const KEPT_STATEMENTS = 200;

const { serialize } = protocol;

/** A statement prepared by name, with its parameters' types. */
interface Kept {
  name: string;
  types: number[];
}

/** Bytes of several protocol messages, sent in one call. */
function joined(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** PostgreSQL's answer when a kept plan's result columns changed under it (the table was altered). */
const isStalePlan = (err: unknown) =>
  (err as { code?: string } | null)?.code === "0A000" &&
  /cached plan/.test(String((err as Error).message));

/**
 * Runs statements on one PGlite, preparing by name those asked more than once (`query` has
 * PGlite's own signature and results). Statements must come one at a time, as PGlite's own
 * calls do.
 */
export class KeptStatements {
  readonly #db: PGlite;
  /** Prepared statements by their text, least lately used first. */
  readonly #kept = new Map<string, Kept>();
  /** Texts seen once (not yet prepared), least lately seen first. */
  readonly #seen = new Set<string>();
  #next = 0;

  constructor(db: PGlite) {
    this.#db = db;
  }

  /** How many statements are kept prepared. */
  get size(): number {
    return this.#kept.size;
  }

  async query<T>(
    text: string,
    params: unknown[] = [],
    options?: QueryOptions,
  ): Promise<Results<T>> {
    if (!this.#kept.has(text) && !this.#seen.has(text)) {
      this.#remember(text);
      return this.#db.query<T>(text, params, options);
    }
    // Taken as PGlite's own query takes them: after any transaction of another caller, alone.
    const db = this.#db;
    await db._checkReady();
    return db._runExclusiveTransaction(() =>
      db._runExclusiveQuery(async () => {
        let kept = this.#kept.get(text);
        if (kept) {
          // Most lately used last.
          this.#kept.delete(text);
          this.#kept.set(text, kept);
        } else {
          this.#seen.delete(text);
          kept = await this.#prepare(text);
        }
        try {
          return await this.#run<T>(kept, params, options);
        } catch (err) {
          if (!isStalePlan(err)) throw err;
          // The statement's table changed since it was prepared: prepare it again, once.
          await this.#forget(text);
          return this.#run<T>(await this.#prepare(text), params, options);
        }
      }),
    );
  }

  #remember(text: string) {
    this.#seen.add(text);
    if (this.#seen.size > KEPT_STATEMENTS) this.#seen.delete(this.#seen.values().next().value!);
  }

  async #prepare(text: string): Promise<Kept> {
    const name = `kept_${++this.#next}`;
    const { messages } = await this.#db.execProtocol(
      joined([
        serialize.parse({ name, text }),
        serialize.describe({ type: "S", name }),
        serialize.sync(),
      ]),
      { syncToFs: false },
    );
    const kept = { name, types: parse.parseDescribeStatementResults(messages) };
    this.#kept.set(text, kept);
    // A statement closed inside a transaction that then fails would stay; close outside them.
    if (this.#kept.size > KEPT_STATEMENTS && !this.#db.isInTransaction()) {
      const [oldest] = this.#kept.keys();
      await this.#forget(oldest!);
    }
    return kept;
  }

  async #forget(text: string) {
    const kept = this.#kept.get(text);
    if (!kept) return;
    this.#kept.delete(text);
    await this.#db.execProtocol(
      joined([serialize.close({ type: "S", name: kept.name }), serialize.sync()]),
      { syncToFs: false },
    );
  }

  async #run<T>(kept: Kept, params: unknown[], options?: QueryOptions): Promise<Results<T>> {
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const type = kept.types[i]!;
      const write = options?.serializers?.[type] ?? this.#db.serializers[type];
      return write ? write(value) : String(value);
    });
    const { messages } = await this.#db.execProtocol(
      joined([
        serialize.bind({ statement: kept.name, values }),
        serialize.describe({ type: "P" }),
        serialize.execute({}),
        serialize.sync(),
      ]),
      { syncToFs: !this.#db.isInTransaction() },
    );
    return parse.parseResults(messages, this.#db.parsers, options)[0] as Results<T>;
  }
}

/**
 * A PGlite as the query builder uses it (`query`, `exec`, `transaction`, `close`), with its
 * statements outside transactions kept prepared (`KeptStatements`); a transaction's own
 * statements run as PGlite runs them.
 */
export function withKeptStatements(db: PGlite) {
  const statements = new KeptStatements(db);
  return {
    query: <T>(text: string, params?: unknown[], options?: QueryOptions) =>
      statements.query<T>(text, params, options),
    exec: (text: string, options?: QueryOptions) => db.exec(text, options),
    transaction: <T>(fn: (tx: Transaction) => Promise<T>) => db.transaction(fn),
    close: () => db.close(),
  };
}
