import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { notFound } from "../../../core/errors.ts";
import { parseDay, queryOf } from "../../../core/params.ts";
import { can } from "../../../core/policy.ts";
import { todayIso } from "../../../core/dates.ts";
import { msg } from "../messages.ts";
import { coverage, termsOfVillage } from "../representatives/queries.ts";
import { RepsPage } from "../representatives/views.tsx";
import { villageLabel } from "../shared/views.tsx";
import { toId, tambonFor } from "../shared/helpers.ts";
import { tableRoutes } from "../../../core/table-export.ts";

/** Village representatives: who is in office on a day, per village, and as CSV. */
export async function representativeRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  app.get("/representatives", async (req, reply) => {
    const tambon = tambonFor(req, "tambon.read");
    const q = queryOf(req);
    const today = todayIso();
    const on = parseDay(q.on) ?? today;
    const villageId = toId(q.village);
    const rows = await coverage(db, tambon.id, on, tambon.minRepsPerVillage);
    const village = villageId
      ? (rows.find((r) => r.village.id === villageId)?.village ?? null)
      : null;
    if (villageId && !village) throw notFound();
    const terms = village ? await termsOfVillage(db, tambon.id, village.id) : [];
    return reply.page(
      village
        ? msg.t(req.lang)("reps.ofVillage", { village: villageLabel(village, req.lang) })
        : msg.t(req.lang)("reps.title"),
      <RepsPage
        rows={rows}
        min={tambon.minRepsPerVillage}
        day={on}
        today={today}
        village={village}
        terms={terms}
        canManage={can(req.actor, "rep.manage", { tambonId: tambon.id })}
      />,
    );
  });

  tableRoutes(app, "/representatives/export", async (req) => {
    const tambon = tambonFor(req, "tambon.read");
    const on = parseDay(queryOf(req).on) ?? todayIso();
    const [rows, terms] = await Promise.all([
      coverage(db, tambon.id, on, tambon.minRepsPerVillage),
      termsOfVillage(db, tambon.id, null),
    ]);
    const current = terms.filter((x) => x.startOn <= on && (x.endOn === null || x.endOn >= on));
    return {
      file: `${tambon.slug}-representatives-${on}`,
      columns: [
        "moo",
        "village",
        "in_office",
        "minimum",
        "missing",
        "name",
        "term_start",
        "term_end",
        "chosen_by",
      ],
      rows: rows.flatMap((r) => {
        const people = current.filter((x) => x.villageId === r.village.id);
        const head = [
          r.village.moo,
          r.village.nameTh,
          r.inOffice,
          tambon.minRepsPerVillage,
          r.missing,
        ];
        return people.length
          ? people.map((p) => [...head, p.name, p.startOn, p.endOn, p.chosenBy])
          : [[...head, "", "", "", ""]];
      }),
    };
  });
}
