import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { currentTambon, formBody, allowedTambon } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { throwIfDenied } from "../../../core/result.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";
import type { VotingRules } from "../shared/queries.ts";
import { saveVotingRules } from "./commands.ts";
import { getVotingRules, listVotingRules } from "./queries.ts";
import { VotingRulesAdmin } from "./views.tsx";

/** What a new set of voting rules starts from. */
const NEW_RULES = {
  secrecy: "public",
  majority: "0.5",
  quorum: "0",
  discussionDays: "14",
  frozenDays: "3",
  votingDays: "7",
};

/** A set of voting rules as the values of its form. */
const formValues = (r: VotingRules): Record<string, string> => ({
  nameTh: r.nameTh,
  nameEn: r.nameEn,
  discussionDays: String(r.discussionDays),
  frozenDays: String(r.frozenDays),
  votingDays: String(r.votingDays),
  majority: String(r.majority),
  quorum: String(r.quorum),
  minPerVillage: r.minPerVillage == null ? "" : String(r.minPerVillage),
  villagesFraction: r.villagesFraction == null ? "" : String(r.villagesFraction),
  secrecy: r.secrecy,
  maxWeight: r.maxWeight == null ? "" : String(r.maxWeight),
});

/** Administration of the tambon's voting rules (URLs keep their old name, decision-policies). */
export async function votingRulesAdminRoutes(
  app: FastifyInstance,
  deps: ModuleDeps,
): Promise<void> {
  const db = deps.database.db;
  const base = "/admin/decision-policies";

  const page = async (req: FastifyRequest, form: FormState, editing: number | null) => {
    const rows = await listVotingRules(db, currentTambon(req).id);
    return <VotingRulesAdmin rows={rows} form={form} editing={editing} />;
  };

  app.get(base, async (req, reply) => {
    allowedTambon(req, "votingRules.manage");
    return reply.page(
      msg.t(req.lang)("admin.votingRules"),
      await page(req, emptyForm(NEW_RULES), null),
    );
  });

  app.get<{ Params: { id: string } }>(`${base}/:id`, async (req, reply) => {
    const tambon = allowedTambon(req, "votingRules.manage");
    const rules = await getVotingRules(db, tambon.id, requireId(req.params.id));
    if (!rules) throw notFound();
    return reply.page(
      msg.t(req.lang)("admin.votingRules"),
      await page(req, emptyForm(formValues(rules)), rules.id),
    );
  });

  // Creating (no id) and editing answer the same way.
  for (const path of [base, `${base}/:id`]) {
    app.post<{ Params: { id?: string } }>(path, async (req, reply) => {
      const tambon = allowedTambon(req, "votingRules.manage");
      const id = req.params.id === undefined ? undefined : requireId(req.params.id);
      const body = formBody(req);
      const result = await saveVotingRules(db, req.actor, tambon.id, body, id);
      const t = msg.t(req.lang);
      if (!result.ok) {
        const form = failedForm(body, throwIfDenied(result).errors, req.lang, msg);
        return reply.page(t("admin.votingRules"), await page(req, form, id ?? null), {
          status: 422,
        });
      }
      return reply.seeOther(`/t/${tambon.slug}${base}`, t("rules.saved"));
    });
  }
}
