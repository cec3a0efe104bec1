import { sql } from "drizzle-orm";
import type { Database } from "../../src/core/db/index.ts";
import { modules } from "../../src/modules/index.ts";

/**
 * One row id of a tambon per URL segment that names a record (`/decisions/:id` → "decisions"),
 * from the tables every module declares behind its segments. Throws when the tambon has none,
 * so a new kind of record gets demo data.
 */
export async function recordIds(
  database: Database,
  tambonId: number,
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const mod of modules) {
    for (const [segment, table] of Object.entries(mod.resources ?? {})) {
      const rows = await database.rows<{ id: number }>(
        sql`select id from ${table} where tambon_id = ${tambonId} order by id limit 1`,
      );
      if (!rows[0])
        throw new Error(
          `the tambon's demo data has no ${segment}; seed one in ${mod.id}'s seedDemo`,
        );
      ids[segment] = String(rows[0].id);
    }
  }
  return ids;
}

/**
 * A registered route's URL with its parameters filled: the tambon's slug, and after each
 * `/segment/` the id given for that segment; parameters that name a key rather than a record take
 * a valid key (a file name for `:name`, a plan form such as ผ.02 for `:form`).
 */
const KEYS: Record<string, string> = { name: "logo-1.png", form: "p02" };

export function fillRoute(url: string, slug: string, ids: Record<string, string>): string {
  return url
    .replace(":tambon", slug)
    .replace(/\/([a-z-]+)\/:(\w+)/g, (_m, segment: string, param: string) => {
      if (KEYS[param]) return `/${segment}/${KEYS[param]}`;
      const id = ids[segment];
      if (!id) throw new Error(`no record id for :${param} after /${segment}/ in ${url}`);
      return `/${segment}/${id}`;
    });
}
