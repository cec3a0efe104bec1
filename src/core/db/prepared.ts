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
 * of a signed-in page's time), and PostgreSQL parses and plans it once per connection (a named
 * prepared statement) instead of on every request.
 *
 * `build` makes the statement from placeholders (`p.id` where the value goes; a value is filled
 * in through its column's own mapping when compared with a column). A statement whose shape
 * depends on the request (a filter given or not) names that shape in `variant`: each shape is
 * built once. The values must be a plain record of the placeholders `build` used.
 */
export function prepared<V extends Record<string, unknown>, R, S extends string = "">(
  name: string,
  build: (db: DbOrTx, p: Holes<V>, variant: S) => Preparable<R>,
): (db: DbOrTx, values: V, variant?: S) => Promise<R> {
  const kept = new WeakMap<DbOrTx, Map<string, ReturnType<Preparable<R>["prepare"]>>>();
  const holes = new Proxy({} as Holes<V>, {
    get: (_, key) => sql.placeholder(String(key)),
  });
  return (db, values, variant = "" as S) => {
    let shapes = kept.get(db);
    if (!shapes) kept.set(db, (shapes = new Map()));
    let statement = shapes.get(variant);
    if (!statement) {
      statement = build(db, holes, variant).prepare(variant ? `${name}_${variant}` : name);
      shapes.set(variant, statement);
    }
    return statement.execute(values);
  };
}
