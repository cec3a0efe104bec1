import {
  and,
  eq,
  inArray,
  sql,
  type InferSelectModel,
  type SQL,
  type SQLWrapper,
} from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { MAX_ID } from "../params.ts";
import type { DbOrTx } from "./index.ts";

/** A table whose rows belong to a tambon: an `id` and a `tambonId` column. */
export type TambonTable = PgTable & { id: PgColumn; tambonId: PgColumn };

/**
 * One row of a tambon's table by its id, all its columns: undefined when there is none, when it
 * is another tambon's (the tambon is always part of the lookup), or when the id is not a record
 * id at all (not a whole number from 1 to MAX_ID).
 */
export async function tambonRow<T extends TambonTable>(
  db: DbOrTx,
  table: T,
  tambonId: number,
  id: number,
): Promise<InferSelectModel<T> | undefined> {
  if (!Number.isInteger(id) || id < 1 || id > MAX_ID) return undefined;
  const [row] = await db
    .select()
    .from(table as PgTable)
    .where(tambonWhere(table as TambonTable, tambonId, { id }));
  return row as InferSelectModel<T> | undefined;
}

/** The `tambonRow` lookup of one table, as a module's `getX(db, tambonId, id)`. */
export const tambonRowOf =
  <T extends TambonTable>(table: T) =>
  (db: DbOrTx, tambonId: number, id: number): Promise<InferSelectModel<T> | undefined> =>
    tambonRow(db, table, tambonId, id);

/** A column's value is one of these, or one of a sub-select's (`inArray`; an empty list matches nothing). */
export class AnyOf<V> {
  constructor(readonly values: readonly V[] | SQLWrapper) {}
}

/** In a `tambonWhere` match: the column is one of the values. */
export const anyOf = <V>(values: readonly V[] | SQLWrapper) => new AnyOf(values);

/**
 * Values a table's columns must equal: each a value of the column's type, another column or
 * expression, or `anyOf(values)`.
 */
export type Match<T> = {
  [K in keyof T as T[K] extends PgColumn ? K : never]?: T[K] extends PgColumn
    ? T[K]["_"]["data"] | SQLWrapper | AnyOf<T[K]["_"]["data"]>
    : never;
};

/**
 * The condition "this tambon's rows of the table", and each column in `match` equal to its value,
 * and every further condition: one way to scope a read or a change to a tambon, so that no query
 * can leave the tambon out. Each value is compared as `eq()` compares it: an undefined value is not
 * dropped (it matches nothing), so a missing id never widens a change to the whole tambon; and
 * `anyOf([])` matches nothing.
 */
export function tambonWhere<T extends { tambonId: PgColumn }>(
  table: T,
  tambonId: number | SQLWrapper,
  match: Match<T> = {},
  ...more: (SQL | undefined)[]
): SQL {
  const columns = table as unknown as Record<string, PgColumn>;
  const equal = Object.entries(match).map(([name, value]) =>
    value instanceof AnyOf
      ? inArray(columns[name]!, value.values as unknown[] | SQLWrapper)
      : eq(columns[name]!, value),
  );
  return and(eq(table.tambonId, tambonId), ...equal, ...more)!;
}

/**
 * The tambon's rows of a table (all their columns) whose columns equal `match`: a meeting's agenda,
 * a group's periods, a form's rounds. In the order given, when one is.
 */
export async function tambonRows<T extends PgTable & { tambonId: PgColumn }>(
  db: DbOrTx,
  table: T,
  tambonId: number,
  match: Match<T> = {},
  ...order: SQL[]
): Promise<InferSelectModel<T>[]> {
  const rows = db
    .select()
    .from(table as PgTable)
    .where(tambonWhere(table, tambonId, match));
  return (await (order.length ? rows.orderBy(...order) : rows)) as InferSelectModel<T>[];
}

/**
 * The highest number a column of a tambon's table holds among the rows that `match` keeps (a
 * project's ลำดับ in its plan, a strategy's or a file's place in its list), 0 when there is none:
 * the next one is this plus one.
 */
export async function lastNumber<T extends PgTable & { tambonId: PgColumn }>(
  db: DbOrTx,
  table: T,
  column: keyof Match<T> & keyof T,
  tambonId: number,
  match: Match<T> = {},
): Promise<number> {
  const [max] = await db
    .select({ n: sql<number>`coalesce(max(${table[column] as PgColumn}), 0)` })
    .from(table as PgTable)
    .where(tambonWhere(table, tambonId, match));
  return Number(max?.n ?? 0);
}
