import { getTableColumns, getTableName, is, sql, SQL, type AnyColumn } from "drizzle-orm";
import type { Placeholder } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/**
 * How an expression's value is read: what its `mapWith` set (drizzle reads a select's own
 * expressions through the same field, which its typings leave out).
 */
const decoderOf = (field: SQL<unknown>) =>
  (field as unknown as { decoder: { mapFromDriverValue(value: unknown): unknown } }).decoder;

/** What a row of `jsonRows` may hold: a column, or an expression over the row (`sql<T>…`). */
export type JsonField = AnyColumn | SQL<unknown>;

/** The row a set of fields reads: each column's data (or null where it allows it), each expression's type. */
export type RowOf<C extends Record<string, JsonField>> = {
  [K in keyof C]: C[K] extends SQL<infer T>
    ? T
    : C[K] extends AnyColumn
      ? C[K]["_"]["notNull"] extends true
        ? C[K]["_"]["data"]
        : C[K]["_"]["data"] | null
      : never;
};

/**
 * Rows of a table read inside another statement: a sub-select that gathers the rows `where`
 * picks, in `order` (the first `limit` of them when a limit is given), into one JSON array, and
 * `read`, which turns that array back into the table's own rows (each column mapped as drizzle
 * maps it: dates to Date, numbers, JSON), or into rows of the `columns` given (a file's facts
 * without its bytes, or an expression over the row such as a count of its photos, read through
 * its `mapWith`). A page that shows one record and its short lists (a news item's photos and
 * documents) so asks the database once instead of once a list.
 *
 * Build `where` and `order` from drizzle's operators (eq, and, asc …): they name each column with
 * its table, where a column written into the SQL text of a select list is named alone. When the
 * outer statement reads the same table, the sub-select's own rows are the ones its names mean.
 */
export function jsonRows<
  T extends PgTable,
  C extends Record<string, JsonField> = T["_"]["columns"],
>(
  table: T,
  where: SQL | undefined,
  order: (SQL | AnyColumn)[],
  columns?: C,
  limit?: number | Placeholder,
): { sql: SQL<unknown>; read: (value: unknown) => RowOf<C>[] } {
  const picked = Object.entries(columns ?? getTableColumns(table)) as [string, JsonField][];
  // Keys are property names from code (the schema's, or the caller's), never input.
  const pairs = picked.map(([key, field]) => {
    if (!/^\w+$/.test(key)) throw new Error(`jsonRows: bad key ${key}`);
    return sql`${sql.raw(`'${key}'`)}, ${field}`;
  });
  const ordered = order.length ? sql` order by ${sql.join(order, sql`, `)}` : sql``;
  const filtered = where ? sql` where ${where}` : sql``;
  // With a limit, the rows are first cut in a sub-select that takes the table's name, so that
  // the fields and the order still name them as the table's.
  const from =
    limit === undefined
      ? sql`${table}${filtered}`
      : sql`(select * from ${table}${filtered}${ordered} limit ${limit}) as ${sql.identifier(getTableName(table))}`;
  return {
    sql: sql`(select coalesce(json_agg(json_build_object(${sql.join(pairs, sql`, `)})${ordered}), '[]'::json)
      from ${from})`,
    read(value) {
      const list = (typeof value === "string" ? JSON.parse(value) : value) as Record<
        string,
        unknown
      >[];
      return list.map((found) => {
        const row: Record<string, unknown> = {};
        for (const [key, field] of picked) {
          const v = found[key];
          row[key] =
            v === null || v === undefined
              ? null
              : is(field, SQL)
                ? decoderOf(field).mapFromDriverValue(v)
                : field.mapFromDriverValue(v);
        }
        return row as RowOf<C>;
      });
    },
  };
}
