import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import {
  authorize,
  currentTambon,
  formBody,
  requireUser,
  allowedTambon,
} from "../../../core/http.ts";
import { can } from "../../../core/policy.ts";
import { forbidden, notFound } from "../../../core/errors.ts";
import { ConfirmPage } from "../../../core/views/confirm.tsx";
import { parseId, parsePage, requireId } from "../../../core/params.ts";
import { keptPage, pageCursor } from "../../../core/paging.ts";
import { core } from "../../../core/i18n/messages.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { orThrow, throwIfDenied, type Result } from "../../../core/result.ts";
import type { Lang } from "../../../core/i18n/index.ts";
import { areaName, keptAreas } from "../../areas/public.ts";
import { msg } from "../messages.ts";
import { ALLOWED, PHASES, nextPhase, type Phase } from "../shared/phases.ts";
import { getQuestion } from "../shared/queries.ts";
import { votingRulesOptions } from "../voting-rules/queries.ts";
import { addAlternative, editAlternative, openQuestion, setSupport } from "./commands.ts";
import { advancePhase, cancelQuestion } from "./phase-commands.ts";
import { addSuggestion, rateSuggestion, setSuggestionFulfilled } from "./suggestion-commands.ts";
import { getAlternative, getSuggestion, listQuestions } from "./queries.ts";
import { alternativePage, questionPage } from "./helpers.tsx";
import { NewQuestion, QuestionList, type QuestionItem } from "./views.tsx";
import { confirmFirst } from "../../../core/confirmation.tsx";
import { pick } from "../../../core/pick.ts";

type WithId = { Params: { id: string } };

/** Questions, their alternatives and texts, phases, support and suggestions. */
export async function questionRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  const areaOptions = async (tambonId: number, lang: "th" | "en") =>
    (await keptAreas(db, tambonId)).map((a) => ({ value: String(a.id), label: areaName(a, lang) }));

  app.get("/decisions", async (req, reply) => {
    const tambon = allowedTambon(req, "tambon.read");
    const q = req.query as Record<string, string | undefined>;
    const phase = PHASES.find((p) => p === q.phase) as Phase | undefined;
    // The pager's links name the question the page follows (`after`) or precedes (`before`);
    // a bare `?page=N`, or a cursor that finds nothing, is read by its number.
    const page = parsePage(q.page);
    const filter = { phase, areaId: parseId(q.area) };
    const list = await keptPage(
      tambon.id,
      "decisions:page",
      [phase, filter.areaId],
      page,
      pageCursor(page, q),
      (cursor) => listQuestions(db, tambon.id, filter, page, cursor),
    );
    const areas = await areaOptions(tambon.id, req.lang);
    const items: QuestionItem[] = list.items.map((r) => ({
      ...pick(r.q, "id", "title", "phase"),
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
        votingRules={await votingRulesOptions(db, tambon.id, req.lang)}
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
      const form = failedForm(body, throwIfDenied(result).errors, req.lang, msg);
      return reply.page(msg.t(req.lang)("list.new"), await newPage(req, form), { status: 422 });
    }
    return reply.seeOther(
      `/t/${tambon.slug}/decisions/${result.value.id}`,
      msg.t(req.lang)("q.created"),
    );
  });

  app.get<WithId>("/decisions/:id", async (req, reply) => {
    allowedTambon(req, "tambon.read");
    const p = await questionPage(db, req, requireId(req.params.id), emptyForm());
    return reply.page(p.title, p.node);
  });

  app.post<WithId>("/decisions/:id/alternatives", async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    const id = requireId(req.params.id);
    const body = formBody(req);
    const result = await addAlternative(db, req.actor, tambon.id, id, body);
    if (!result.ok) {
      const form = failedForm(body, throwIfDenied(result).errors, req.lang, msg);
      const p = await questionPage(db, req, id, form);
      return reply.page(msg.t(req.lang)("alt.add"), p.node, { status: 422 });
    }
    return reply.seeOther(`/t/${tambon.slug}/decisions/${id}`, msg.t(req.lang)("alt.saved"));
  });

  // Moving to the next phase and cancelling cannot be undone: the question page links to a
  // confirmation step that says what will happen, and only its button posts.
  for (const path of ["phase", "cancel"] as const) {
    app.get<WithId>(`/decisions/:id/${path}`, async (req, reply) => {
      const tambon = currentTambon(req);
      requireUser(req);
      const id = requireId(req.params.id);
      const found = await getQuestion(db, tambon.id, id);
      if (!found) throw notFound();
      const q = found.question;
      const back = `/t/${tambon.slug}/decisions/${id}`;
      const next = nextPhase(q.phase);
      const mayAdvance =
        (q.phase === "draft" && req.actor.user?.id === q.createdBy) ||
        can(req.actor, "question.manage", { tambonId: tambon.id });
      if (
        path === "phase" ? !mayAdvance : !can(req.actor, "question.manage", { tambonId: tambon.id })
      )
        throw forbidden(true);
      // Nothing left to confirm (already over): back to the question.
      if (path === "phase" ? !next : !ALLOWED.cancel(q.phase)) return reply.redirect(back, 303);
      const t = msg.t(req.lang);
      const title = path === "phase" ? t("confirm.phaseTitle") : t("confirm.cancelTitle");
      return reply.page(
        title,
        <ConfirmPage
          title={title}
          action={`${back}/${path}`}
          back={back}
          danger={path === "cancel" || next === "closed"}
          confirmLabel={path === "phase" ? t("confirm.phaseButton") : t("confirm.cancelButton")}
        >
          {path === "phase" ? (
            <>
              <p>
                {t("confirm.phaseFromTo", {
                  title: q.title,
                  from: t(`phase.${q.phase}`),
                  to: t(`phase.${next!}`),
                })}
              </p>
              {next === "closed" && (
                <p>
                  <strong>{t("confirm.closeVoting")}</strong>
                </p>
              )}
            </>
          ) : (
            <p>
              <strong>{t("confirm.cancelWhat", { title: q.title })}</strong>
            </p>
          )}
        </ConfirmPage>,
      );
    });
  }
  for (const [path, command] of [
    ["phase", advancePhase],
    ["cancel", cancelQuestion],
  ] as const) {
    app.post<WithId>(`/decisions/:id/${path}`, confirmFirst, async (req, reply) => {
      const tambon = currentTambon(req);
      requireUser(req);
      const id = requireId(req.params.id);
      orThrow<unknown>(await command(db, req.actor, tambon.id, id));
      return reply.seeOther(`/t/${tambon.slug}/decisions/${id}`, msg.t(req.lang)("phase.moved"));
    });
  }

  app.get<WithId>("/alternatives/:id", async (req, reply) => {
    allowedTambon(req, "tambon.read");
    const p = await alternativePage(db, req, requireId(req.params.id), {});
    return reply.page(p.title, p.node);
  });

  // The forms of an alternative's page (a member's): on with a message, or the page again with
  // the form's errors.
  const alternativeForm = <T,>(
    path: string,
    form: "edit" | "suggestion",
    run: (
      req: FastifyRequest,
      tambonId: number,
      id: number,
      body: Record<string, string>,
    ) => Promise<Result<T, string>>,
    to: (slug: string, id: number, value: T) => string,
    done: (lang: Lang) => string,
  ) =>
    app.post<WithId>(`/alternatives/:id${path}`, async (req, reply) => {
      const tambon = currentTambon(req);
      requireUser(req);
      const id = requireId(req.params.id);
      const body = formBody(req);
      const result = await run(req, tambon.id, id, body);
      if (!result.ok) {
        const failed = failedForm(body, throwIfDenied(result).errors, req.lang, msg);
        const p = await alternativePage(db, req, id, { [form]: failed });
        return reply.page(p.title, p.node, { status: 422 });
      }
      return reply.seeOther(to(tambon.slug, id, result.value), done(req.lang));
    });

  alternativeForm(
    "",
    "edit",
    (req, tambonId, id, body) => editAlternative(db, req.actor, tambonId, id, body),
    (slug, id, version) => `/t/${slug}/alternatives/${id}?from=${version - 1}&to=${version}#diff`,
    (lang) => msg.t(lang)("alt.saved"),
  );

  app.post<WithId>("/alternatives/:id/support", async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    const id = requireId(req.params.id);
    orThrow(await setSupport(db, req.actor, tambon.id, id, formBody(req).support === "1"));
    const found = await getAlternative(db, tambon.id, id);
    return reply.seeOther(
      `/t/${tambon.slug}/decisions/${found!.question.id}`,
      core.t(req.lang)("form.saved"),
    );
  });

  alternativeForm(
    "/suggestions",
    "suggestion",
    (req, tambonId, id, body) => addSuggestion(db, req.actor, tambonId, id, body.suggestion ?? ""),
    (slug, id) => `/t/${slug}/alternatives/${id}`,
    (lang) => core.t(lang)("form.saved"),
  );

  // Rating a suggestion and marking it fulfilled both lead back to its alternative.
  const suggestionActions = {
    rate: (req: FastifyRequest, tambonId: number, id: number) =>
      rateSuggestion(db, req.actor, tambonId, id, formBody(req).rating ?? ""),
    fulfilled: (req: FastifyRequest, tambonId: number, id: number) =>
      setSuggestionFulfilled(db, req.actor, tambonId, id, formBody(req).fulfilled === "1"),
  };
  for (const [path, command] of Object.entries(suggestionActions)) {
    app.post<WithId>(`/suggestions/:id/${path}`, async (req, reply) => {
      const tambon = currentTambon(req);
      requireUser(req);
      const s = await getSuggestion(db, tambon.id, requireId(req.params.id));
      if (!s) throw notFound();
      orThrow(await command(req, tambon.id, s.id));
      return reply.seeOther(
        `/t/${tambon.slug}/alternatives/${s.alternativeId}`,
        core.t(req.lang)("form.saved"),
      );
    });
  }
}
