import { sql } from "drizzle-orm";
import type { Database } from "../../src/core/db/index.ts";
import { modules } from "../../src/modules/index.ts";
import { CORE_ROUTE_PARAMS } from "../../src/core/modules.ts";

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

/** The value of every non-record route parameter, as core and the modules declare them. */
const KEYS: Record<string, string> = Object.assign(
  {},
  CORE_ROUTE_PARAMS,
  ...modules.map((mod) => mod.routeParams ?? {}),
);

/**
 * A registered route's URL with its parameters filled: the tambon's slug, and after each
 * `/segment/` the id given for that segment, or for a parameter that names a key rather than a
 * record the value its module declares in `routeParams` (`"forms/:form"` → "p02").
 */
export function fillRoute(url: string, slug: string, ids: Record<string, string>): string {
  return url
    .replace(":tambon", slug)
    .replace(/\/([a-z-]+)\/:(\w+)/g, (_m, segment: string, param: string) => {
      const key = KEYS[`${segment}/:${param}`];
      if (key !== undefined) return `/${segment}/${key}`;
      const id = param === "id" || param.endsWith("Id") ? ids[segment] : undefined;
      if (!id)
        throw new Error(
          `${url}: /${segment}/:${param} names neither a record (the module's \`resources\`) ` +
            `nor a key (its \`routeParams\`); declare one in the module's manifest`,
        );
      return `/${segment}/${id}`;
    });
}
