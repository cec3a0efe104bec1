import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { currentTambon, formBody } from "../../../core/http.ts";
import { queryOf } from "../../../core/params.ts";
import { todayIso } from "../../../core/dates.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";
import { getTerm, repsWithoutTerm, termsOfVillage } from "../representatives/queries.ts";
import { villagesOf } from "../shared/queries.ts";
import { endTerm, recordTerm } from "../representatives/commands.ts";
import { RepsAdmin } from "../representatives/admin-views.tsx";
import { toId, tambonFor, recordPost } from "../shared/helpers.ts";

/** Administration of village representatives' terms. */
export async function adminRepresentativeRoutes(
  app: FastifyInstance,
  deps: ModuleDeps,
): Promise<void> {
  const db = deps.database.db;
  async function repsPage(req: FastifyRequest, villageId: number, form: FormState) {
    const tambon = currentTambon(req);
    const today = todayIso();
    const villages = await villagesOf(db, tambon.id);
    const village = villages.find((v) => v.id === villageId) ?? null;
    const [terms, orphans] = await Promise.all([
      village ? termsOfVillage(db, tambon.id, village.id) : Promise.resolve([]),
      repsWithoutTerm(db, tambon.id, today),
    ]);
    return (
      <RepsAdmin
        villages={villages}
        village={village}
        terms={terms}
        today={today}
        withoutTerm={village ? orphans.filter((o) => o.villageId === village.id) : orphans}
        form={form}
      />
    );
  }

  app.get("/admin/representatives", async (req, reply) => {
    tambonFor(req, "rep.manage");
    const villageId = toId(queryOf(req).village);
    const values = { startOn: todayIso(), villageId: villageId ? String(villageId) : "" };
    return reply.page(
      msg.t(req.lang)("admin.reps"),
      await repsPage(req, villageId, emptyForm(values)),
    );
  });

  app.post("/admin/representatives", async (req, reply) => {
    const tambon = tambonFor(req, "rep.manage");
    const body = formBody(req);
    const result = await recordTerm(db, req.actor, tambon.id, body, todayIso());
    const t = msg.t(req.lang);
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/admin/representatives?village=${result.value.villageId}#h-terms`,
        t("reps.recorded", { name: result.value.name }),
      );
    return reply.page(
      t("admin.reps"),
      await repsPage(req, toId(body.villageId), failedForm(body, result.errors, req.lang, msg)),
      { status: 422 },
    );
  });

  recordPost(app, db, "/admin/terms/:id/end", {
    action: "rep.manage",
    get: getTerm,
    run: (req, tambonId, term) =>
      endTerm(db, req.actor, tambonId, term.id, formBody(req), todayIso()),
    back: (term) => `/admin/representatives?village=${term.villageId}#h-terms`,
    done: "reps.ended",
  });
}
