import { sql, type Placeholder } from "drizzle-orm";
import type { DbOrTx } from "./index.ts";

/** The placeholders of a statement's values, one a key (`p.tambonId` stands for the value). */
export type Holes<V> = { [K in keyof V & string]: Placeholder<K, V[K]> };

/** A query builder's statement that can be prepared (drizzle's select, insert … builders). */
interface Preparable<R> {
  prepare(name: string): { execute(values?: Record<string, unknown>): Promise<R> };
}

/**
 * A statement built once for each database handle and run again with new values: the SQL text is
 * made on its first use (drizzle builds a page's statement anew on every call otherwise, a fifth
 * of a signed-in page's time), and on PostgreSQL the driver keeps it as a prepared statement of
 * each connection (parsed once; the driver names it itself, `name` is for reading). PGlite runs
 * the kept text as any other statement.
 *
 * `build` makes the statement from placeholders (`p.id` where the value goes). A placeholder's
 * value reaches the driver as given, not through its column's mapping: give numbers, strings
 * and times as ISO strings (as a column of them is compared), never an object for a JSON
 * column. A statement whose shape depends on the request (a filter given or not) names that
 * shape: each shape is built once, and a statement that has shapes must be given one.
 */
export function prepared<V extends Record<string, unknown>, R, S extends string = "">(
  name: string,
  build: (db: DbOrTx, p: Holes<V>, shape: S) => Preparable<R>,
): (db: DbOrTx, values: V, ...shape: S extends "" ? [] : [S]) => Promise<R> {
  const kept = new WeakMap<DbOrTx, Map<string, ReturnType<Preparable<R>["prepare"]>>>();
  const holes = new Proxy({} as Holes<V>, {
    get: (_, key) => sql.placeholder(String(key)),
  });
  return (db, values, ...given) => {
    const shape = (given[0] ?? "") as S;
    let shapes = kept.get(db);
    if (!shapes) kept.set(db, (shapes = new Map()));
    let statement = shapes.get(shape);
    if (!statement) {
      statement = build(db, holes, shape).prepare(shape ? `${name}_${shape}` : name);
      shapes.set(shape, statement);
    }
    return statement.execute(values);
  };
}
