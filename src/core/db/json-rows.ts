import { getTableColumns, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/** The row a set of columns reads: each column's data, or null where the column allows it. */
export type RowOf<C extends Record<string, AnyColumn>> = {
  [K in keyof C]: C[K]["_"]["notNull"] extends true ? C[K]["_"]["data"] : C[K]["_"]["data"] | null;
};

/**
 * Rows of a table read inside another statement: a sub-select that gathers the rows `where`
 * picks, in `order`, into one JSON array, and `read`, which turns that array back into the
 * table's own rows (each column mapped as drizzle maps it: dates to Date, numbers, JSON), or into
 * rows of the `columns` given (a file's facts without its bytes). A page that shows one record
 * and its short lists (a news item's photos and documents) so asks the database once instead of
 * once a list.
 *
 * Build `where` and `order` from drizzle's operators (eq, and, asc …): they name each column with
 * its table, where a column written into the SQL text of a select list is named alone. When the
 * outer statement reads the same table, the sub-select's own rows are the ones its names mean.
 */
export function jsonRows<
  T extends PgTable,
  C extends Record<string, AnyColumn> = T["_"]["columns"],
>(
  table: T,
  where: SQL | undefined,
  order: (SQL | AnyColumn)[],
  columns?: C,
): { sql: SQL<unknown>; read: (value: unknown) => RowOf<C>[] } {
  const picked = Object.entries(columns ?? getTableColumns(table)) as [string, AnyColumn][];
  // Keys are property names from code (the schema's, or the caller's), never input.
  const pairs = picked.map(([key, column]) => {
    if (!/^\w+$/.test(key)) throw new Error(`jsonRows: bad key ${key}`);
    return sql`${sql.raw(`'${key}'`)}, ${column}`;
  });
  const ordered = order.length ? sql` order by ${sql.join(order, sql`, `)}` : sql``;
  return {
    sql: sql`(select coalesce(json_agg(json_build_object(${sql.join(pairs, sql`, `)})${ordered}), '[]'::json)
      from ${table}${where ? sql` where ${where}` : sql``})`,
    read(value) {
      const list = (typeof value === "string" ? JSON.parse(value) : value) as Record<
        string,
        unknown
      >[];
      return list.map((found) => {
        const row: Record<string, unknown> = {};
        for (const [key, column] of picked) {
          const v = found[key];
          row[key] = v === null || v === undefined ? null : column.mapFromDriverValue(v);
        }
        return row as RowOf<C>;
      });
    },
  };
}
