import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { formBody, allowedTambon } from "../../../core/http.ts";
import { can } from "../../../core/policy.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { formatDate } from "../../../core/dates.ts";
import type { Lang } from "../../../core/i18n/index.ts";
import { refused, throwIfDenied } from "../../../core/result.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { listMeetings, meetingUrl } from "../../groups/public.ts";
import { msg, type PlansKey } from "../messages.ts";
import { getPlan } from "../plans/queries.ts";
import { listEditions, type Edition } from "../editions/queries.ts";
import { carryRound, closeRound, mayRate, openRound, rateSubjects } from "./commands.ts";
import {
  getRound,
  listRounds,
  ratingsBy,
  ratingsOf,
  resultsOf,
  roundSubjects,
  type Round,
} from "./queries.ts";
import { RoundList } from "./views.tsx";
import { RoundPage } from "./round-views.tsx";
import { RateForm } from "./rate-views.tsx";
import { confirmFirst } from "../../../core/confirmation.tsx";

/** An edition's name as the plan's pages say it: "เพิ่มเติม ครั้งที่ 2 (12 ม.ค. 2568)". */
function editionLabel(e: Edition, lang: Lang): string {
  const t = msg.t(lang);
  const name = t(`edition.name.${e.kind}`, { n: e.number });
  return e.approvedOn ? `${name} (${formatDate(e.approvedOn, lang)})` : name;
}

/** Evaluating together: a plan's rounds, a round's results, the rating form, closing and carrying. */
export function evaluationRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;

  async function findRound(tambonId: number, id: string): Promise<Round> {
    const round = await getRound(db, tambonId, requireId(id));
    if (!round) throw notFound();
    return round;
  }

  async function findPlan(tambonId: number, id: number) {
    const plan = await getPlan(db, tambonId, id);
    if (!plan) throw notFound();
    return plan;
  }

  async function listPage(req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) {
    const tambon = allowedTambon(req, "plan.read");
    const plan = await findPlan(tambon.id, requireId((req.params as { id: string }).id));
    const canManage = can(req.actor, "plan.manage", { tambonId: tambon.id });
    const [rounds, meetings] = await Promise.all([
      listRounds(db, tambon.id, plan.id),
      canManage ? listMeetings(db, tambon.id, { limit: 100 }) : Promise.resolve([]),
    ]);
    return reply.page(
      `${msg.t(req.lang)("evaluation.title")} · ${plan.title}`,
      <RoundList
        plan={{ id: plan.id, title: plan.title }}
        rounds={rounds}
        canManage={canManage}
        form={form}
        meetings={meetings.map((m) => ({
          value: String(m.id),
          label: `${formatDate(m.day, req.lang)} ${req.lang === "en" && m.titleEn ? m.titleEn : m.titleTh}`,
        }))}
      />,
      { status },
    );
  }

  app.get<{ Params: { id: string } }>("/plans/:id/evaluations", (req, reply) =>
    listPage(req, reply, emptyForm()),
  );

  app.post<{ Params: { id: string } }>("/plans/:id/evaluations", async (req, reply) => {
    const tambon = allowedTambon(req, "plan.manage");
    const body = formBody(req);
    const result = throwIfDenied(
      await openRound(db, req.actor, tambon.id, requireId(req.params.id), body),
    );
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/evaluations/${result.value.id}`,
        msg.t(req.lang)("evaluation.opened"),
      );
    return listPage(req, reply, failedForm(body, result.errors, req.lang, msg), 422);
  });

  async function roundPage(
    req: FastifyRequest,
    reply: FastifyReply,
    forms: { close?: FormState; carry?: FormState } = {},
    status = 200,
  ) {
    const tambon = allowedTambon(req, "plan.read");
    const round = await findRound(tambon.id, (req.params as { id: string }).id);
    const plan = await findPlan(tambon.id, round.planId);
    const canManage = can(req.actor, "plan.manage", { tambonId: tambon.id });
    const [subjects, ratings, editions, meetings, canRate] = await Promise.all([
      roundSubjects(db, tambon, plan.id),
      ratingsOf(db, tambon.id, round.id),
      listEditions(db, tambon.id, plan.id),
      round.meetingId ? listMeetings(db, tambon.id, { ids: [round.meetingId] }) : [],
      mayRate(db, req.actor, tambon.id),
    ]);
    const meeting = meetings[0];
    const carried = editions.find((e) => e.id === round.carriedToEditionId);
    const me = req.actor.user?.id;
    return reply.page(
      round.title,
      <RoundPage
        plan={{ id: plan.id, title: plan.title }}
        round={round}
        meeting={
          meeting
            ? {
                title: req.lang === "en" && meeting.titleEn ? meeting.titleEn : meeting.titleTh,
                href: meetingUrl(tambon.slug, meeting.id),
              }
            : null
        }
        results={resultsOf(subjects, ratings)}
        raters={new Set(ratings.map((r) => r.raterId)).size}
        carriedTo={carried ? editionLabel(carried, req.lang) : null}
        canRate={canRate}
        rated={ratings.filter((r) => me !== undefined && r.raterId === me).length}
        canManage={canManage}
        editions={editions.map((e) => ({ value: String(e.id), label: editionLabel(e, req.lang) }))}
        closeForm={forms.close ?? emptyForm()}
        carryForm={forms.carry ?? emptyForm()}
      />,
      { status },
    );
  }

  app.get<{ Params: { id: string } }>("/evaluations/:id", (req, reply) => roundPage(req, reply));

  /** The rating form, filled with what this rater gave before (or what they just sent). */
  async function ratePage(req: FastifyRequest, reply: FastifyReply, form?: FormState) {
    const tambon = allowedTambon(req, "plan.read");
    const round = await findRound(tambon.id, (req.params as { id: string }).id);
    if (!(await mayRate(db, req.actor, tambon.id))) throwIfDenied(refused(), !!req.actor.user);
    const t = msg.t(req.lang);
    if (round.status !== "open" && !form)
      return reply.seeOther(
        `/t/${tambon.slug}/evaluations/${round.id}`,
        t("evaluation.closedAlready"),
      );
    const subjects = await roundSubjects(db, tambon, round.planId);
    let state = form;
    if (!state) {
      const mine = await ratingsBy(db, tambon.id, round.id, req.actor.user!.id);
      const values: Record<string, string> = {};
      for (const [k, r] of mine) {
        values[`rating-${k}`] = r.rating;
        values[`helped-${k}`] = r.helped;
        values[`blocked-${k}`] = r.blocked;
      }
      state = emptyForm(values);
    }
    return reply.page(
      `${t("evaluation.rate")} · ${round.title}`,
      <RateForm round={round} subjects={subjects} form={state} />,
      { status: form ? 422 : 200 },
    );
  }

  app.get<{ Params: { id: string } }>("/evaluations/:id/rate", (req, reply) =>
    ratePage(req, reply),
  );

  app.post<{ Params: { id: string } }>("/evaluations/:id/rate", async (req, reply) => {
    const tambon = allowedTambon(req, "plan.read");
    const body = formBody(req);
    const result = throwIfDenied(
      await rateSubjects(db, req.actor, tambon, requireId(req.params.id), body),
      !!req.actor.user,
    );
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/evaluations/${result.value.round.id}`,
        msg.t(req.lang)("evaluation.saved", { n: result.value.rated }),
      );
    return ratePage(req, reply, failedForm(body, result.errors, req.lang, msg));
  });

  /**
   * A form of a round's page, for `plan.manage`: closing it (asked to confirm first) or carrying it
   * into an edition; done and back to the round with the `flash` message, or the page again with
   * the form at 422.
   */
  function roundForm(path: "close" | "carry", command: typeof closeRound, flash: PlansKey) {
    app.post<{ Params: { id: string } }>(
      `/evaluations/:id/${path}`,
      path === "close" ? confirmFirst : {},
      async (req, reply) => {
        const tambon = allowedTambon(req, "plan.manage");
        const body = formBody(req);
        const result = throwIfDenied(
          await command(db, req.actor, tambon.id, requireId(req.params.id), body),
        );
        if (result.ok)
          return reply.seeOther(
            `/t/${tambon.slug}/evaluations/${result.value.id}`,
            msg.t(req.lang)(flash),
          );
        return roundPage(
          req,
          reply,
          { [path]: failedForm(body, result.errors, req.lang, msg) },
          422,
        );
      },
    );
  }

  roundForm("close", closeRound, "evaluation.closed");
  roundForm("carry", carryRound, "evaluation.carried");
}
