import { sql } from "drizzle-orm";
import type { Database } from "../../src/core/db/index.ts";

/** One row written to a table of the application: before (null for an insert) and after (null for a delete). */
export interface RowChange {
  table: string;
  op: "INSERT" | "UPDATE" | "DELETE";
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Reads the rows written since a mark, for tests that must know exactly what a request stored. */
export interface RowChanges {
  /** A mark to read the changes after. */
  mark(): Promise<number>;
  /** Every row inserted, updated or deleted since the mark, in order. */
  since(mark: number): Promise<RowChange[]>;
}

/**
 * Records every insert, update and delete in the application's tables of a test database, with
 * the row before and after, through triggers kept in a schema of their own (`row_watch`).
 */
export async function watchRowChanges(database: Database): Promise<RowChanges> {
  await database.rows(sql.raw("create schema row_watch"));
  await database.rows(
    sql.raw(`create table row_watch.changes (
      seq bigserial primary key, tbl text not null, op text not null, before jsonb, after jsonb)`),
  );
  await database.rows(
    sql.raw(`create function row_watch.record() returns trigger language plpgsql as $$
      begin
        insert into row_watch.changes (tbl, op, before, after) values (tg_table_name, tg_op,
          case when tg_op = 'INSERT' then null else to_jsonb(old) end,
          case when tg_op = 'DELETE' then null else to_jsonb(new) end);
        return null;
      end $$`),
  );
  const tables = await database.rows<{ table_name: string }>(sql`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
  for (const { table_name } of tables)
    await database.rows(
      sql`create trigger row_watch after insert or update or delete on ${sql.identifier(table_name)}
          for each row execute function row_watch.record()`,
    );
  return {
    async mark() {
      const [r] = await database.rows<{ seq: string | number | null }>(
        sql.raw("select max(seq) as seq from row_watch.changes"),
      );
      return Number(r?.seq ?? 0);
    },
    async since(mark) {
      const rows = await database.rows<{
        tbl: string;
        op: RowChange["op"];
        before: RowChange["before"] | string;
        after: RowChange["after"] | string;
      }>(
        sql`select tbl, op, before, after from row_watch.changes where seq > ${mark} order by seq`,
      );
      const json = (v: RowChange["before"] | string) => (typeof v === "string" ? JSON.parse(v) : v);
      return rows.map((r) => ({
        table: r.tbl,
        op: r.op,
        before: json(r.before),
        after: json(r.after),
      }));
    },
  };
}
