import { sql } from "drizzle-orm";
import type { Database } from "../../src/core/db/index.ts";

/**
 * Adds `n` copies of a table's first row (the first of `from`, a condition in SQL on the table's
 * alias `t`) for each tambon `tambons` names (an SQL condition on alias `tb`), set-wise in one
 * statement. `overrides` gives columns an SQL expression instead of the copied value; `g` is the
 * copy's number (1 … n), `tb.id` the tambon's id.
 */
export async function copyRows(
  database: Pick<Database, "rows">,
  table: string,
  opts: { n: number; from?: string; tambons?: string; overrides?: Record<string, string> },
): Promise<void> {
  const columns = (
    await database.rows<{ column_name: string }>(sql`
      select column_name from information_schema.columns
      where table_schema = 'public' and table_name = ${table} and column_name <> 'id'
        and is_generated = 'NEVER'
      order by ordinal_position`)
  ).map((c) => c.column_name);
  const list = columns.map((c) => `"${c}"`).join(", ");
  const values = columns
    .map((c) => opts.overrides?.[c] ?? (c === "tambon_id" ? "tb.id" : `t."${c}"`))
    .join(", ");
  await database.rows(
    sql.raw(`
      insert into "${table}" (${list})
      select ${values} from "${table}" t, tambons tb, generate_series(1, ${opts.n}) g
      where t.id = (select min(id) from "${table}" t where ${opts.from ?? "true"})
        and ${opts.tambons ?? "true"}`),
  );
}
