import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../db/index.ts";
import type { ModuleDeps } from "../modules.ts";
import { core } from "../i18n/messages.ts";
import { allowedTambon } from "../http.ts";
import { parseDay, parsePage } from "../params.ts";
import { auditEntries, type AuditFilters } from "../queries/audit.ts";
import { AuditPage } from "../views/admin/audit.tsx";
import { userNames } from "../queries/account.ts";
import { villageOptions } from "../queries/villages.ts";
import { personIdsOf, type AuditNames } from "../audit-text.ts";

/** The audit log of one tambon, or of the network (rows without a tambon), filtered and paged. */
export async function sendAuditPage(
  db: Db,
  req: FastifyRequest,
  reply: FastifyReply,
  where: { tambonId: number | null; base: string; title: string },
) {
  const q = req.query as Record<string, string | undefined>;
  const filters: AuditFilters = {};
  if (q.action) filters.action = q.action;
  if (q.who) filters.who = q.who;
  const from = parseDay(q.from);
  const to = parseDay(q.to);
  if (from) filters.from = from;
  if (to) filters.to = to;
  const { entries, actions } = await auditEntries(db, where.tambonId, filters, parsePage(q.page));
  // Villages and people by name, not by id.
  const villageNames =
    where.tambonId === null ? [] : await villageOptions(db, where.tambonId, req.lang);
  const personIds = [...new Set(entries.items.flatMap(personIdsOf))];
  const names: AuditNames = {
    villages: new Map(villageNames.map((v) => [Number(v.value), v.label])),
    people: await userNames(db, personIds),
  };
  return reply.page(
    where.title,
    <AuditPage
      base={where.base}
      title={where.title}
      entries={entries}
      filters={filters}
      actions={actions}
      names={names}
    />,
  );
}

/** A tambon's audit log, for those who may read it. */
export function tambonAuditRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  app.get("/admin/audit", async (req, reply) => {
    const tambon = allowedTambon(req, "audit.read");
    return sendAuditPage(deps.database.db, req, reply, {
      tambonId: tambon.id,
      base: `/t/${tambon.slug}/admin/audit`,
      title: core.t(req.lang)("admin.audit"),
    });
  });
}
