import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { charterClauseLinks } from "../schema.ts";
import { allClauses } from "../document.ts";
import { progressCounts, type Progress } from "../edition.ts";
import type { RegistrySource } from "./registry.ts";
import { listCharters, currentEdition, openEdition, shownVersion } from "../charters/queries.ts";
import { progressOf } from "../follow-up/queries.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** The registry sources of every charter of the given tambons (edition in force, follow-up counts, links). */
export async function registrySources(db: DbOrTx, tambons: Tambon[]): Promise<RegistrySource[]> {
  const out: RegistrySource[] = [];
  for (const tambon of tambons) {
    for (const { charter, editions } of await listCharters(db, tambon.id)) {
      const inForce = currentEdition(editions);
      const open = openEdition(editions);
      let progress: Record<Progress, number> = {
        not_started: 0,
        in_progress: 0,
        done: 0,
        needs_revision: 0,
      };
      const links: Record<string, number> = {};
      if (inForce) {
        const [version, status, linkRows] = await Promise.all([
          shownVersion(db, inForce),
          progressOf(db, tambon.id, charter.id),
          db
            .select({ type: charterClauseLinks.targetType, n: sql<number>`count(*)::int` })
            .from(charterClauseLinks)
            .where(tambonWhere(charterClauseLinks, tambon.id, { charterId: charter.id }))
            .groupBy(charterClauseLinks.targetType),
        ]);
        progress = progressCounts(
          allClauses(version.doc).map((c) => c.clause.key),
          new Map([...status].map(([k, v]) => [k, v.status])),
        );
        for (const l of linkRows) links[l.type] = Number(l.n);
      }
      out.push({
        tambon,
        charter,
        inForce: inForce
          ? {
              ...pick(inForce, "number", "yearBe", "adoptedOn", "reviewYears"),
            }
          : null,
        open: open
          ? { number: open.number, status: open.status === "hearing" ? "hearing" : "draft" }
          : null,
        progress,
        links,
      });
    }
  }
  return out;
}
