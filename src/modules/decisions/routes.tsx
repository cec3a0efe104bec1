import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { ModuleDeps } from "../../core/modules.ts";
import { authorize, currentTambon, formBody, requireUser } from "../../core/http.ts";
import { can } from "../../core/policy.ts";
import { notFound, forbidden } from "../../core/errors.ts";
import { parseId, parsePage, requireId } from "../../core/params.ts";
import { core } from "../../core/i18n/messages.ts";
import { emptyForm, failedForm, type FormState } from "../../core/views/form.tsx";
import { orThrow, throwIfDenied } from "../../core/result.ts";
import { paged } from "../../core/paging.ts";
import { sendDownload } from "../../core/download.ts";
import { renderMarkdown } from "../../core/markdown.ts";
import { users } from "../../core/db/schema.ts";
import { useCtx } from "../../core/views/ctx.ts";
import { Form } from "../../core/views/form.tsx";
import { formatDateTime } from "../../core/dates.ts";
import { listAreas, areaName } from "../areas/public.ts";
import { msg, type DecisionsKey } from "./messages.ts";
import {
  alternativeVersions,
  alternatives,
  ballots,
  decisionPolicies,
  delegations,
  notificationPrefs,
  notifications,
  questionResults,
  questions,
  suggestionRatings,
  suggestions,
  supporters,
} from "./schema.ts";
import { alternativesOf, getQuestion, hasVotingRight, votersOf } from "./queries.ts";
import {
  addAlternative,
  addSuggestion,
  advancePhase,
  cancelQuestion,
  editAlternative,
  getAlternative,
  openQuestion,
  rateSuggestion,
  setSuggestionFulfilled,
  setSupport,
} from "./commands/questions.ts";
import { castBallot, myBallot, withdrawBallot } from "./commands/vote.ts";
import { revokeDelegation, setDelegation, type DelegationInput } from "./commands/delegate.ts";
import { savePolicy } from "./commands/policies.ts";
import { notificationText } from "./commands/notify.ts";
import { exportQuestion } from "./export.ts";
import { QuestionList, NewQuestion, type QuestionItem } from "./views/question-views.tsx";
import { AlternativePage, BallotPage, QuestionPage } from "./views/page-views.tsx";
import { ResultsPage } from "./views/result-views.tsx";
import { DelegationsPage, type ScopeRow } from "./views/delegation-views.tsx";
import { PolicyAdmin } from "./views/policy-views.tsx";
import { applicableTrustees, previewPath, reverseGraph, trustersOf } from "./delegation.ts";
import { wordDiff } from "../../core/text-diff.ts";
import { approvalChart } from "./chart.ts";
import { findReceipt } from "./secret-ballots.ts";
import type { TallyResult } from "./tally.ts";
import type { Phase } from "./phases.ts";

function NotificationsPage(props: {
  items: { id: number; text: string; at: Date; read: boolean; href: string | null }[];
  pref: string;
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const base = `/t/${tambon!.slug}/notifications`;
  return (
    <>
      <h1>{t("notif.title")}</h1>
      {props.items.length === 0 ? (
        <p>{t("notif.none")}</p>
      ) : (
        <ul class="notifications">
          {props.items.map((n) => (
            <li key={n.id} class={n.read ? "muted" : ""}>
              {n.href ? <a href={n.href}>{n.text}</a> : n.text}{" "}
              <span class="muted">· {formatDateTime(n.at, lang)}</span>
            </li>
          ))}
        </ul>
      )}
      <div class="actions">
        <Form action={`${base}/read`}>
          <button type="submit" class="secondary">
            {t("notif.markRead")}
          </button>
        </Form>
        <Form action={`${base}/prefs`} class="inline-form" label={t("notif.email")}>
          <label for="f-email-pref">{t("notif.email")}</label>{" "}
          <select id="f-email-pref" name="email">
            {(["each", "daily", "off"] as const).map((p) => (
              <option key={p} value={p} selected={props.pref === p}>
                {t(`notif.${p}`)}
              </option>
            ))}
          </select>{" "}
          <button type="submit" class="secondary">
            {core.t(lang)("form.save")}
          </button>
        </Form>
      </div>
    </>
  );
}

/** Routes of the decisions module, mounted under /t/:tambon. */
export async function decisionRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  const areaOptions = async (tambonId: number, lang: "th" | "en") =>
    (await listAreas(db, tambonId)).map((a) => ({ value: String(a.id), label: areaName(a, lang) }));
  const policyOptions = async (tambonId: number, lang: "th" | "en") =>
    (
      await db
        .select()
        .from(decisionPolicies)
        .where(and(eq(decisionPolicies.tambonId, tambonId), eq(decisionPolicies.archived, false)))
        .orderBy(asc(decisionPolicies.id))
    ).map((p) => ({
      value: String(p.id),
      label: lang === "en" && p.nameEn ? p.nameEn : p.nameTh,
    }));

  app.get("/decisions", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "tambon.read", { tambonId: tambon.id });
    const q = req.query as Record<string, string | undefined>;
    const page = parsePage(q.page);
    const conds: SQL[] = [eq(questions.tambonId, tambon.id)];
    const phase = ["draft", "discussion", "frozen", "voting", "closed", "cancelled"].find(
      (p) => p === q.phase,
    ) as Phase | undefined;
    if (phase) conds.push(eq(questions.phase, phase));
    const area = parseId(q.area);
    if (area) conds.push(eq(questions.areaId, area));
    const list = await paged(
      page,
      async () =>
        Number(
          (
            await db
              .select({ n: count() })
              .from(questions)
              .where(and(...conds))
          )[0]?.n ?? 0,
        ),
      ({ limit, offset }) =>
        db
          .select({
            q: questions,
            alts: sql<number>`(select count(*) from ${alternatives} a where a.question_id = ${questions.id})`,
          })
          .from(questions)
          .where(and(...conds))
          .orderBy(desc(questions.id))
          .limit(limit)
          .offset(offset),
    );
    const areas = await areaOptions(tambon.id, req.lang);
    const items: QuestionItem[] = list.items.map((r) => ({
      id: r.q.id,
      title: r.q.title,
      phase: r.q.phase,
      area: areas.find((a) => a.value === String(r.q.areaId))?.label ?? "",
      phaseEndsAt: r.q.phaseEndsAt,
      alternatives: Number(r.alts),
    }));
    return reply.page(
      msg.t(req.lang)("list.title"),
      <QuestionList
        items={items}
        phase={phase ?? ""}
        area={q.area ?? ""}
        areas={areas}
        page={list.page}
        pages={list.pages}
        total={list.total}
        canOpen={can(req.actor, "question.open", { tambonId: tambon.id })}
      />,
    );
  });

  const newPage = async (req: FastifyRequest, form: FormState) => {
    const tambon = currentTambon(req);
    return (
      <NewQuestion
        form={form}
        areas={await areaOptions(tambon.id, req.lang)}
        policies={await policyOptions(tambon.id, req.lang)}
        canQuickPoll={can(req.actor, "question.quickPoll", { tambonId: tambon.id })}
      />
    );
  };

  app.get("/decisions/new", async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    authorize(req, "question.open", { tambonId: tambon.id });
    return reply.page(msg.t(req.lang)("list.new"), await newPage(req, emptyForm()));
  });

  app.post("/decisions", async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    authorize(req, "question.open", { tambonId: tambon.id });
    const body = formBody(req);
    const result = await openQuestion(db, req.actor, tambon.id, body);
    if (!result.ok) {
      return reply.page(
        msg.t(req.lang)("list.new"),
        await newPage(req, failedForm(body, throwIfDenied(result).errors, req.lang, msg)),
        { status: 422 },
      );
    }
    return reply.seeOther(
      `/t/${tambon.slug}/decisions/${result.value.id}`,
      msg.t(req.lang)("q.created"),
    );
  });

  const questionPage = async (req: FastifyRequest, id: number, addForm: FormState) => {
    const tambon = currentTambon(req);
    const found = await getQuestion(db, tambon.id, id);
    if (!found) throw notFound();
    const { question: q, policy } = found;
    const alts = await alternativesOf(db, tambon.id, q.id);
    const ids = alts.map((a) => a.id);
    const support = ids.length
      ? await db
          .select({ alternativeId: supporters.alternativeId, userId: supporters.userId })
          .from(supporters)
          .where(and(eq(supporters.tambonId, tambon.id), inArray(supporters.alternativeId, ids)))
      : [];
    const me = req.actor.user?.id;
    const areas = await listAreas(db, tambon.id);
    const area = areas.find((a) => a.id === q.areaId);
    const voted = me ? !!(await myBallot(db, tambon.id, q.id, me)) : false;
    return (
      <QuestionPage
        q={{
          id: q.id,
          title: q.title,
          phase: q.phase,
          area: area ? areaName(area, req.lang) : "",
          areaId: q.areaId,
          phaseEndsAt: q.phaseEndsAt,
          policy: req.lang === "en" && policy.nameEn ? policy.nameEn : policy.nameTh,
          secrecy: policy.secrecy,
        }}
        alts={alts.map((a) => ({
          id: a.id,
          title: a.title,
          html: renderMarkdown(a.body),
          author: a.author,
          version: a.version,
          supporters: support.filter((s) => s.alternativeId === a.id).length,
          supported: !!me && support.some((s) => s.alternativeId === a.id && s.userId === me),
        }))}
        canParticipate={can(req.actor, "question.participate", { tambonId: tambon.id })}
        canManage={can(req.actor, "question.manage", { tambonId: tambon.id })}
        isAuthor={!!me && q.createdBy === me}
        voted={voted}
        addForm={addForm}
      />
    );
  };

  app.get<{ Params: { id: string } }>("/decisions/:id", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "tambon.read", { tambonId: tambon.id });
    const node = await questionPage(req, requireId(req.params.id), emptyForm());
    const found = await getQuestion(db, tambon.id, requireId(req.params.id));
    return reply.page(found!.question.title, node);
  });

  app.post<{ Params: { id: string } }>("/decisions/:id/alternatives", async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    const id = requireId(req.params.id);
    const body = formBody(req);
    const result = await addAlternative(db, req.actor, tambon.id, id, body);
    if (!result.ok) {
      const form = failedForm(body, throwIfDenied(result).errors, req.lang, msg);
      return reply.page(msg.t(req.lang)("alt.add"), await questionPage(req, id, form), {
        status: 422,
      });
    }
    return reply.seeOther(`/t/${tambon.slug}/decisions/${id}`, msg.t(req.lang)("alt.saved"));
  });

  app.post<{ Params: { id: string } }>("/decisions/:id/phase", async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    const result = await advancePhase(db, req.actor, tambon.id, requireId(req.params.id));
    orThrow(result);
    return reply.seeOther(
      `/t/${tambon.slug}/decisions/${requireId(req.params.id)}`,
      msg.t(req.lang)("phase.moved"),
    );
  });

  app.post<{ Params: { id: string } }>("/decisions/:id/cancel", async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    const result = await cancelQuestion(db, req.actor, tambon.id, requireId(req.params.id));
    orThrow(result);
    return reply.seeOther(
      `/t/${tambon.slug}/decisions/${requireId(req.params.id)}`,
      msg.t(req.lang)("phase.moved"),
    );
  });

  const alternativePage = async (
    req: FastifyRequest,
    id: number,
    forms: { edit?: FormState; suggestion?: FormState },
  ) => {
    const tambon = currentTambon(req);
    const found = await getAlternative(db, tambon.id, id);
    if (!found) throw notFound();
    const versions = await db
      .select()
      .from(alternativeVersions)
      .where(
        and(eq(alternativeVersions.tambonId, tambon.id), eq(alternativeVersions.alternativeId, id)),
      )
      .orderBy(asc(alternativeVersions.version));
    const current = versions[versions.length - 1]!;
    const q = req.query as Record<string, string | undefined>;
    const from = versions.find((v) => v.version === parseId(q.from));
    const to = versions.find((v) => v.version === parseId(q.to));
    const sugg = await db
      .select({ s: suggestions, author: users.name })
      .from(suggestions)
      .leftJoin(users, eq(users.id, suggestions.authorId))
      .where(and(eq(suggestions.tambonId, tambon.id), eq(suggestions.alternativeId, id)))
      .orderBy(asc(suggestions.id));
    const ratings = sugg.length
      ? await db
          .select()
          .from(suggestionRatings)
          .where(
            and(
              eq(suggestionRatings.tambonId, tambon.id),
              inArray(
                suggestionRatings.suggestionId,
                sugg.map((s) => s.s.id),
              ),
            ),
          )
      : [];
    const me = req.actor.user?.id;
    return {
      title: found.alternative.title,
      node: (
        <AlternativePage
          alt={{
            id,
            title: found.alternative.title,
            questionId: found.question.id,
            questionTitle: found.question.title,
            phase: found.question.phase,
            html: renderMarkdown(current.body),
            version: current.version,
          }}
          versions={versions.map((v) => ({ version: v.version, createdAt: v.createdAt }))}
          diff={
            from && to
              ? {
                  from: from.version,
                  to: to.version,
                  parts: wordDiff(`${from.body}`, `${to.body}`),
                }
              : null
          }
          suggestions={sugg.map(({ s, author }) => {
            const mine = ratings.filter((r) => r.suggestionId === s.id);
            const counts: Record<string, number> = {};
            for (const r of mine) counts[r.rating] = (counts[r.rating] ?? 0) + 1;
            return {
              id: s.id,
              body: s.body,
              author,
              fulfilled: s.fulfilled,
              counts,
              mine: mine.find((r) => r.userId === me)?.rating ?? null,
            };
          })}
          isAuthor={!!me && found.alternative.authorId === me}
          canParticipate={can(req.actor, "question.participate", { tambonId: tambon.id })}
          editForm={
            forms.edit ?? emptyForm({ altTitle: found.alternative.title, altBody: current.body })
          }
          suggestionForm={forms.suggestion ?? emptyForm()}
        />
      ),
    };
  };

  app.get<{ Params: { id: string } }>("/alternatives/:id", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "tambon.read", { tambonId: tambon.id });
    const p = await alternativePage(req, requireId(req.params.id), {});
    return reply.page(p.title, p.node);
  });

  app.post<{ Params: { id: string } }>("/alternatives/:id", async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    const id = requireId(req.params.id);
    const body = formBody(req);
    const result = await editAlternative(db, req.actor, tambon.id, id, body);
    if (!result.ok) {
      const p = await alternativePage(req, id, {
        edit: failedForm(body, throwIfDenied(result).errors, req.lang, msg),
      });
      return reply.page(p.title, p.node, { status: 422 });
    }
    return reply.seeOther(
      `/t/${tambon.slug}/alternatives/${id}?from=${result.value - 1}&to=${result.value}#diff`,
      msg.t(req.lang)("alt.saved"),
    );
  });

  app.post<{ Params: { id: string } }>("/alternatives/:id/support", async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    const id = requireId(req.params.id);
    const result = await setSupport(db, req.actor, tambon.id, id, formBody(req).support === "1");
    orThrow(result);
    const found = await getAlternative(db, tambon.id, id);
    return reply.seeOther(
      `/t/${tambon.slug}/decisions/${found!.question.id}`,
      core.t(req.lang)("form.saved"),
    );
  });

  app.post<{ Params: { id: string } }>("/alternatives/:id/suggestions", async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    const id = requireId(req.params.id);
    const body = formBody(req);
    const result = await addSuggestion(db, req.actor, tambon.id, id, body.suggestion ?? "");
    if (!result.ok) {
      const p = await alternativePage(req, id, {
        suggestion: failedForm(body, throwIfDenied(result).errors, req.lang, msg),
      });
      return reply.page(p.title, p.node, { status: 422 });
    }
    return reply.seeOther(`/t/${tambon.slug}/alternatives/${id}`, core.t(req.lang)("form.saved"));
  });

  const suggestionTarget = async (tambonId: number, id: number) => {
    const [s] = await db
      .select()
      .from(suggestions)
      .where(and(eq(suggestions.tambonId, tambonId), eq(suggestions.id, id)));
    if (!s) throw notFound();
    return s;
  };

  app.post<{ Params: { id: string } }>("/suggestions/:id/rate", async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    const s = await suggestionTarget(tambon.id, requireId(req.params.id));
    const result = await rateSuggestion(db, req.actor, tambon.id, s.id, formBody(req).rating ?? "");
    orThrow(result);
    return reply.seeOther(
      `/t/${tambon.slug}/alternatives/${s.alternativeId}`,
      core.t(req.lang)("form.saved"),
    );
  });

  app.post<{ Params: { id: string } }>("/suggestions/:id/fulfilled", async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    const s = await suggestionTarget(tambon.id, requireId(req.params.id));
    const result = await setSuggestionFulfilled(
      db,
      req.actor,
      tambon.id,
      s.id,
      formBody(req).fulfilled === "1",
    );
    orThrow(result);
    return reply.seeOther(
      `/t/${tambon.slug}/alternatives/${s.alternativeId}`,
      core.t(req.lang)("form.saved"),
    );
  });

  const ballotPage = async (
    req: FastifyRequest,
    id: number,
    error: string | null,
    grades?: Record<string, number>,
    selected = "",
  ) => {
    const tambon = currentTambon(req);
    const found = await getQuestion(db, tambon.id, id);
    if (!found) throw notFound();
    const alts = await alternativesOf(db, tambon.id, id);
    const current = await myBallot(db, tambon.id, id, req.actor.user!.id);
    const mine = grades ?? current?.grades ?? {};
    const recordFor = can(req.actor, "ballot.record", { tambonId: tambon.id })
      ? {
          options: (await votersOf(db, tambon.id)).map((v) => ({
            value: String(v.id),
            label: `${v.name} (${v.village})`,
          })),
          selected,
        }
      : null;
    return (
      <BallotPage
        q={{ id, title: found.question.title }}
        alts={alts.map((a) => ({ id: a.id, title: a.title }))}
        grades={mine}
        error={error}
        recordFor={recordFor}
        canWithdraw={!!current && found.question.phase === "voting"}
      />
    );
  };

  app.get<{ Params: { id: string } }>("/decisions/:id/ballot", async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    authorize(req, "question.participate", { tambonId: tambon.id });
    return reply.page(
      msg.t(req.lang)("ballot.title"),
      await ballotPage(req, requireId(req.params.id), null),
    );
  });

  app.post<{ Params: { id: string } }>("/decisions/:id/ballot", async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    const id = requireId(req.params.id);
    const body = formBody(req);
    const raw: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) if (k.startsWith("grade_")) raw[k.slice(6)] = v;
    const forUser = parseId(body.member) ?? undefined;
    const result = await castBallot(db, req.actor, tambon.id, id, raw, forUser);
    const t = msg.t(req.lang);
    if (!result.ok) {
      const error = throwIfDenied(result).errors._form?.key ?? "ballot.badGrade";
      const status = error === "ballot.badGrade" ? 422 : 409;
      const typed: Record<string, number> = {};
      for (const [k, v] of Object.entries(raw))
        if (Number.isInteger(Number(v))) typed[k] = Number(v);
      return reply.page(
        t("ballot.title"),
        await ballotPage(req, id, t(error as DecisionsKey), typed, body.member ?? ""),
        { status },
      );
    }
    const { receipt } = result.value;
    const flash = receipt
      ? `${t("ballot.saved")} — ${t("ballot.receipt", { code: receipt })}`
      : t("ballot.saved");
    return reply.seeOther(`/t/${tambon.slug}/decisions/${id}`, flash);
  });

  const resultsPage = async (req: FastifyRequest, reply: FastifyReply, code: string | null) => {
    const tambon = currentTambon(req);
    authorize(req, "tambon.read", { tambonId: tambon.id });
    const id = requireId((req.params as { id: string }).id);
    const found = await getQuestion(db, tambon.id, id);
    if (!found) throw notFound();
    const [stored] = await db
      .select()
      .from(questionResults)
      .where(and(eq(questionResults.tambonId, tambon.id), eq(questionResults.questionId, id)));
    const t = msg.t(req.lang);
    if (!stored) return reply.page(t("res.title"), <p>{t("res.notYet")}</p>, { status: 404 });
    const result = stored.result as TallyResult;
    const alts = await alternativesOf(db, tambon.id, id);
    const secret = found.policy.secrecy === "private";
    // Public ballots: chains and names are for the tambon's members (as LiquidFeedback).
    const detailed = !secret && can(req.actor, "question.participate", { tambonId: tambon.id });
    const ids = !detailed
      ? []
      : [
          ...new Set([
            ...Object.keys(result.weights ?? {}),
            ...Object.values(result.chains ?? {})
              .flat()
              .map(String),
          ]),
        ].map(Number);
    const names = new Map<number, string>();
    for (let i = 0; i < ids.length; i += 1000) {
      for (const u of await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(inArray(users.id, ids.slice(i, i + 1000))))
        names.set(u.id, u.name);
    }
    const chartSvg = await approvalChart(
      result.alternatives.map((a) => ({
        label: alts.find((x) => x.id === a.id)?.title ?? `#${a.id}`,
        positive: a.positive,
        negative: a.negative,
      })),
      { positive: t("res.positive"), negative: t("res.negative"), title: t("res.chart") },
    );
    const receipt =
      secret && code !== null ? { found: findReceipt(stored.ballotList ?? [], code) } : null;
    return reply.page(
      `${t("res.title")}: ${found.question.title}`,
      <ResultsPage
        q={{ id, title: found.question.title }}
        result={result}
        pairwise={stored.pairwise}
        alternatives={alts.map((a) => ({ id: a.id, title: a.title }))}
        membersWithRight={stored.membersWithRight}
        secret={secret}
        detailed={detailed}
        names={names}
        chartSvg={chartSvg}
        chainHash={stored.chainHash}
        receipt={receipt}
        ballotList={stored.ballotList}
      />,
    );
  };

  app.post<{ Params: { id: string } }>("/decisions/:id/ballot/withdraw", async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    authorize(req, "question.participate", { tambonId: tambon.id });
    const id = requireId(req.params.id);
    const result = await withdrawBallot(db, req.actor, tambon.id, id);
    const t = msg.t(req.lang);
    if (!result.ok) {
      const error = (throwIfDenied(result).errors._form?.key ?? "ballot.closed") as DecisionsKey;
      return reply.page(t("ballot.title"), await ballotPage(req, id, t(error)), {
        status: 409,
      });
    }
    return reply.seeOther(`/t/${tambon.slug}/decisions/${id}`, t("ballot.withdrawn"));
  });

  app.get<{ Params: { id: string } }>("/decisions/:id/results", async (req, reply) =>
    resultsPage(req, reply, null),
  );

  // Receipt codes are checked by POST, so that they stay out of URLs and access logs.
  app.post<{ Params: { id: string } }>("/decisions/:id/results", async (req, reply) =>
    resultsPage(req, reply, (formBody(req).receipt ?? "").trim()),
  );

  app.get<{ Params: { id: string } }>("/decisions/:id/export.json", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "tambon.read", { tambonId: tambon.id });
    const found = await getQuestion(db, tambon.id, requireId(req.params.id));
    if (!found || found.question.phase !== "closed") throw notFound();
    const allowed =
      found.policy.secrecy === "private"
        ? can(req.actor, "question.manage", { tambonId: tambon.id })
        : can(req.actor, "question.participate", { tambonId: tambon.id });
    if (!allowed) throw forbidden(!!req.actor.user);
    const data = await exportQuestion(db, tambon.id, found.question.id);
    return sendDownload(reply, {
      type: "json",
      name: `question-${found.question.id}.json`,
      body: JSON.stringify(data, null, 1),
    });
  });

  // ---- delegations
  const delegationsPage = async (req: FastifyRequest, error: string | null, status = 200) => {
    const tambon = currentTambon(req);
    const me = requireUser(req);
    const t = msg.t(req.lang);
    const areas = await listAreas(db, tambon.id);
    const open = await db
      .select()
      .from(questions)
      .where(
        and(
          eq(questions.tambonId, tambon.id),
          inArray(questions.phase, ["draft", "discussion", "frozen", "voting"]),
        ),
      )
      .orderBy(desc(questions.id))
      .limit(50);
    const mine = await db
      .select()
      .from(delegations)
      .where(and(eq(delegations.tambonId, tambon.id), eq(delegations.trusterId, me.id)));
    const voters = await votersOf(db, tambon.id);
    const nameOf = new Map(voters.map((v) => [v.id, v.name]));
    const trusteeIds = mine.map((d) => d.trusteeId).filter((x): x is number => x !== null);
    if (trusteeIds.length) {
      for (const u of await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(inArray(users.id, trusteeIds)))
        if (!nameOf.has(u.id)) nameOf.set(u.id, u.name);
    }
    const row = (scope: ScopeRow["scope"], id: number | null, label: string): ScopeRow => {
      const d = mine.find(
        (x) =>
          x.scope === scope &&
          (scope === "tambon" || (scope === "area" ? x.areaId === id : x.questionId === id)),
      );
      return {
        scope,
        id,
        label,
        delegationId: d?.id ?? null,
        trustee: d?.trusteeId ? (nameOf.get(d.trusteeId) ?? `#${d.trusteeId}`) : null,
        blocked: !!d && d.trusteeId === null,
      };
    };
    const focus = parseId((req.query as Record<string, string | undefined>).question);
    const rows: ScopeRow[] = [
      row("tambon", null, t("del.scopeTambon")),
      ...areas.map((a) => row("area", a.id, t("del.scopeArea", { name: areaName(a, req.lang) }))),
      ...open.map((q) => row("question", q.id, t("del.scopeQuestion", { name: q.title }))),
    ];
    const right = new Set(voters.map((v) => v.id));
    const hasRight = (id: number) => right.has(id);
    const previews = [];
    const toMe: { label: string; entries: { name: string; via: string[] }[] }[] = [];
    // All delegations that can apply to the open questions, read once; each question then gets
    // its truster → trustee map and reverse graph in one pass (no per-member scans).
    const openIds = open.map((q) => q.id);
    const dels = await db
      .select({
        trusterId: delegations.trusterId,
        trusteeId: delegations.trusteeId,
        scope: delegations.scope,
        areaId: delegations.areaId,
        questionId: delegations.questionId,
      })
      .from(delegations)
      .where(
        and(
          eq(delegations.tambonId, tambon.id),
          or(
            inArray(delegations.scope, ["tambon", "area"]),
            openIds.length ? inArray(delegations.questionId, openIds) : sql`false`,
          ),
        ),
      );
    // Only questions in voting have ballots that end chains ("what would happen now").
    const votingIds = open.filter((q) => q.phase === "voting").map((q) => q.id);
    const votedBy = new Map<number, Set<number>>();
    if (votingIds.length) {
      for (const b of await db
        .select({ questionId: ballots.questionId, userId: ballots.userId })
        .from(ballots)
        .where(and(eq(ballots.tambonId, tambon.id), inArray(ballots.questionId, votingIds)))) {
        if (!right.has(b.userId)) continue;
        let set = votedBy.get(b.questionId);
        if (!set) votedBy.set(b.questionId, (set = new Set()));
        set.add(b.userId);
      }
    }
    for (const q of open) {
      const trustees = applicableTrustees(dels, q);
      const voted = votedBy.get(q.id) ?? new Set<number>();
      const p = previewPath(trustees, me.id, voted, hasRight);
      previews.push({
        questionId: q.id,
        title: q.title,
        path: p.path.map((id) => nameOf.get(id) ?? `#${id}`),
        end: p.end,
      });
      const trusters = trustersOf(reverseGraph(trustees, hasRight), me.id, voted);
      toMe.push({
        label: q.title,
        entries: trusters.map((e) => ({
          name: nameOf.get(e.id) ?? `#${e.id}`,
          via: e.via.map((v) => nameOf.get(v) ?? `#${v}`),
        })),
      });
    }
    const candidates = voters
      .filter((v) => v.id !== me.id)
      .map((v) => ({ value: String(v.id), label: `${v.name} (${v.village})` }));
    return {
      status,
      node: (
        <DelegationsPage
          rows={rows}
          candidates={candidates}
          toMe={toMe}
          previews={previews}
          error={error}
          canDelegate={await hasVotingRight(db, tambon.id, me.id)}
          focus={focus ? `question:${focus}` : "tambon:"}
        />
      ),
    };
  };

  app.get("/delegations", async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    authorize(req, "question.participate", { tambonId: tambon.id });
    const p = await delegationsPage(req, null);
    return reply.page(msg.t(req.lang)("del.title"), p.node);
  });

  app.post("/delegations", async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    authorize(req, "question.participate", { tambonId: tambon.id });
    const body = formBody(req);
    const t = msg.t(req.lang);
    const [scopeName, target] = (
      body.scopeKey ?? `${body.scope ?? "tambon"}:${body.target ?? ""}`
    ).split(":");
    const scope = scopeName === "area" || scopeName === "question" ? scopeName : "tambon";
    body.target = target ?? "";
    if (!body.trustee) {
      const p = await delegationsPage(req, t("del.choose"), 422);
      return reply.page(t("del.title"), p.node, { status: 422 });
    }
    const input: DelegationInput = {
      scope,
      areaId: scope === "area" ? (parseId(body.target) ?? 0) : null,
      questionId: scope === "question" ? (parseId(body.target) ?? 0) : null,
      trusteeId: body.trustee === "none" ? null : (parseId(body.trustee) ?? -1),
    };
    const result = await setDelegation(db, req.actor, tambon.id, input);
    if (!result.ok) {
      const error = (throwIfDenied(result).errors._form?.key ?? "del.choose") as DecisionsKey;
      const p = await delegationsPage(req, t(error), 422);
      return reply.page(t("del.title"), p.node, { status: 422 });
    }
    return reply.seeOther(`/t/${tambon.slug}/delegations`, t("del.saved"));
  });

  app.post<{ Params: { id: string } }>("/delegations/:id/revoke", async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    orThrow(await revokeDelegation(db, req.actor, tambon.id, requireId(req.params.id)));
    return reply.seeOther(`/t/${tambon.slug}/delegations`, msg.t(req.lang)("del.revoked"));
  });

  // ---- notifications
  app.get("/notifications", async (req, reply) => {
    const tambon = currentTambon(req);
    const me = requireUser(req);
    authorize(req, "question.participate", { tambonId: tambon.id });
    const rows = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.tambonId, tambon.id), eq(notifications.userId, me.id)))
      .orderBy(desc(notifications.id))
      .limit(100);
    const [pref] = await db
      .select()
      .from(notificationPrefs)
      .where(and(eq(notificationPrefs.tambonId, tambon.id), eq(notificationPrefs.userId, me.id)));
    const items = rows.map((n) => ({
      id: n.id,
      text: notificationText(n, req.lang),
      at: n.createdAt,
      read: !!n.readAt,
      href: n.questionId
        ? `/t/${tambon.slug}/decisions/${n.questionId}`
        : n.kind === "delegated"
          ? `/t/${tambon.slug}/delegations`
          : null,
    }));
    return reply.page(
      msg.t(req.lang)("notif.title"),
      <NotificationsPage items={items} pref={pref?.email ?? "daily"} />,
    );
  });

  app.post("/notifications/read", async (req, reply) => {
    const tambon = currentTambon(req);
    const me = requireUser(req);
    authorize(req, "question.participate", { tambonId: tambon.id });
    await db
      .update(notifications)
      .set({ readAt: new Date() })
      .where(
        and(
          eq(notifications.tambonId, tambon.id),
          eq(notifications.userId, me.id),
          sql`${notifications.readAt} is null`,
        ),
      );
    return reply.seeOther(`/t/${tambon.slug}/notifications`);
  });

  app.post("/notifications/prefs", async (req, reply) => {
    const tambon = currentTambon(req);
    const me = requireUser(req);
    authorize(req, "question.participate", { tambonId: tambon.id });
    const email = (["each", "daily", "off"] as const).find((p) => p === formBody(req).email);
    if (!email) throw notFound();
    await db.transaction(async (tx) => {
      await tx
        .insert(notificationPrefs)
        .values({ tambonId: tambon.id, userId: me.id, email })
        .onConflictDoUpdate({
          target: [notificationPrefs.tambonId, notificationPrefs.userId],
          set: { email },
        });
      const { audit } = await import("../../core/audit.ts");
      await audit(tx, {
        tambonId: tambon.id,
        actorId: me.id,
        action: "notification.prefs",
        targetType: "user",
        targetId: me.id,
        after: { email },
      });
    });
    return reply.seeOther(`/t/${tambon.slug}/notifications`, core.t(req.lang)("form.saved"));
  });

  // ---- policies (admin)
  const policiesPage = async (req: FastifyRequest, form: FormState, editing: number | null) => {
    const tambon = currentTambon(req);
    const rows = await db
      .select()
      .from(decisionPolicies)
      .where(eq(decisionPolicies.tambonId, tambon.id))
      .orderBy(asc(decisionPolicies.id));
    return <PolicyAdmin rows={rows} form={form} editing={editing} />;
  };
  const policyValues = (p: typeof decisionPolicies.$inferSelect): Record<string, string> => ({
    nameTh: p.nameTh,
    nameEn: p.nameEn,
    discussionDays: String(p.discussionDays),
    frozenDays: String(p.frozenDays),
    votingDays: String(p.votingDays),
    majority: String(p.majority),
    quorum: String(p.quorum),
    minPerVillage: p.minPerVillage == null ? "" : String(p.minPerVillage),
    villagesFraction: p.villagesFraction == null ? "" : String(p.villagesFraction),
    secrecy: p.secrecy,
    maxWeight: p.maxWeight == null ? "" : String(p.maxWeight),
  });

  app.get("/admin/decision-policies", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "decisionPolicy.manage", { tambonId: tambon.id });
    return reply.page(
      msg.t(req.lang)("admin.policies"),
      await policiesPage(
        req,
        emptyForm({
          secrecy: "public",
          majority: "0.5",
          quorum: "0",
          discussionDays: "14",
          frozenDays: "3",
          votingDays: "7",
        }),
        null,
      ),
    );
  });

  app.get<{ Params: { id: string } }>("/admin/decision-policies/:id", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "decisionPolicy.manage", { tambonId: tambon.id });
    const [p] = await db
      .select()
      .from(decisionPolicies)
      .where(
        and(
          eq(decisionPolicies.tambonId, tambon.id),
          eq(decisionPolicies.id, requireId(req.params.id)),
        ),
      );
    if (!p) throw notFound();
    return reply.page(
      msg.t(req.lang)("admin.policies"),
      await policiesPage(req, emptyForm(policyValues(p)), p.id),
    );
  });

  const savePolicyRoute = async (req: FastifyRequest, id?: number) => {
    const tambon = currentTambon(req);
    authorize(req, "decisionPolicy.manage", { tambonId: tambon.id });
    const body = formBody(req);
    const result = await savePolicy(db, req.actor, tambon.id, body, id);
    if (!result.ok) {
      const form = failedForm(body, throwIfDenied(result).errors, req.lang, msg);
      return { page: await policiesPage(req, form, id ?? null) };
    }
    return { redirect: `/t/${tambon.slug}/admin/decision-policies` };
  };

  app.post("/admin/decision-policies", async (req, reply) => {
    const r = await savePolicyRoute(req);
    if (r.redirect) return reply.seeOther(r.redirect, msg.t(req.lang)("pol.saved"));
    return reply.page(msg.t(req.lang)("admin.policies"), r.page, { status: 422 });
  });

  app.post<{ Params: { id: string } }>("/admin/decision-policies/:id", async (req, reply) => {
    const r = await savePolicyRoute(req, requireId(req.params.id));
    if (r.redirect) return reply.seeOther(r.redirect, msg.t(req.lang)("pol.saved"));
    return reply.page(msg.t(req.lang)("admin.policies"), r.page, { status: 422 });
  });
}
