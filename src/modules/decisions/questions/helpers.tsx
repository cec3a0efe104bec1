import type { FastifyRequest } from "fastify";
import type { Db } from "../../../core/db/index.ts";
import { currentTambon } from "../../../core/http.ts";
import { can } from "../../../core/policy.ts";
import { notFound } from "../../../core/errors.ts";
import { parseId } from "../../../core/params.ts";
import { emptyForm, type FormState } from "../../../core/views/form.tsx";
import { renderMarkdown } from "../../../core/markdown.ts";
import { wordDiff } from "../../../core/text-diff.ts";
import { areaName, keptAreas } from "../../areas/public.ts";
import { alternativesOf, getQuestion } from "../shared/queries.ts";
import { myBallot } from "../ballots/queries.ts";
import { receiptAgain } from "../secret-ballots.ts";
import { votingRulesName } from "../voting-rules/queries.ts";
import { getAlternative, suggestionsOf, supportersOf, versionsOf } from "./queries.ts";
import { AlternativePage } from "./alternative-views.tsx";
import { QuestionPage } from "./question-views.tsx";
import { pick } from "../../../core/pick.ts";

/** A question's page, with the add-alternative form in the given state. */
export async function questionPage(db: Db, req: FastifyRequest, id: number, addForm: FormState) {
  const tambon = currentTambon(req);
  const found = await getQuestion(db, tambon.id, id);
  if (!found) throw notFound();
  const { question: q, rules } = found;
  const alts = await alternativesOf(db, tambon.id, q.id);
  const support = await supportersOf(
    db,
    tambon.id,
    alts.map((a) => a.id),
  );
  const me = req.actor.user?.id;
  const area = (await keptAreas(db, tambon.id)).find((a) => a.id === q.areaId);
  const ballot = me ? await myBallot(db, tambon.id, q.id, me) : undefined;
  const voted = !!ballot;
  // A secret ballot's receipt code, again, for its voter alone (derived, never stored).
  const receipt =
    ballot && rules.secrecy === "private" ? receiptAgain(req.server.config.secret, ballot) : null;
  return {
    title: q.title,
    node: (
      <QuestionPage
        q={{
          ...pick(q, "id", "title", "phase"),
          area: area ? areaName(area, req.lang) : "",
          areaId: q.areaId,
          phaseEndsAt: q.phaseEndsAt,
          votingRules: votingRulesName(rules, req.lang),
          secrecy: rules.secrecy,
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
        receipt={receipt}
        addForm={addForm}
      />
    ),
  };
}

/** An alternative's page: its text, versions with a diff, suggestions; forms in the given states. */
export async function alternativePage(
  db: Db,
  req: FastifyRequest,
  id: number,
  forms: { edit?: FormState; suggestion?: FormState },
) {
  const tambon = currentTambon(req);
  const found = await getAlternative(db, tambon.id, id);
  if (!found) throw notFound();
  const versions = await versionsOf(db, tambon.id, id);
  const current = versions[versions.length - 1]!;
  const q = req.query as Record<string, string | undefined>;
  const from = versions.find((v) => v.version === parseId(q.from));
  const to = versions.find((v) => v.version === parseId(q.to));
  const { rows, ratings } = await suggestionsOf(db, tambon.id, id);
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
            ? { from: from.version, to: to.version, parts: wordDiff(`${from.body}`, `${to.body}`) }
            : null
        }
        suggestions={rows.map(({ s, author }) => {
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
}
