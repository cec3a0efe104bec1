import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { formBody, allowedTambon } from "../../../core/http.ts";
import { can } from "../../../core/policy.ts";
import { forbidden, notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { sendDownload } from "../../../core/download.ts";
import type { Db } from "../../../core/db/index.ts";
import { msg } from "../messages.ts";
import { alternativesOf, getQuestion, namesOf, villageWordsOf } from "../shared/queries.ts";
import { findReceipt } from "../secret-ballots.ts";
import type { TallyResult } from "../tally-types.ts";
import { approvalChart } from "./chart.ts";
import { exportQuestion } from "./export.ts";
import { storedResult } from "./queries.ts";
import { ResultsPage } from "./views.tsx";

type WithId = { Params: { id: string } };

/** A closed question's result page; `code` is a receipt to look up (secret ballots). */
async function resultsPage(db: Db, req: FastifyRequest, reply: FastifyReply, code: string | null) {
  const tambon = allowedTambon(req, "tambon.read");
  const id = requireId((req.params as { id: string }).id);
  const found = await getQuestion(db, tambon.id, id);
  if (!found) throw notFound();
  const stored = await storedResult(db, tambon.id, id);
  const t = msg.t(req.lang);
  if (!stored) return reply.page(t("res.title"), <p>{t("res.notYet")}</p>, { status: 404 });
  const result = stored.result as TallyResult;
  const alts = await alternativesOf(db, tambon.id, id);
  const secret = found.rules.secrecy === "private";
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
  const names = await namesOf(db, ids);
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
      villageNames={await villageWordsOf(db, tambon.id, req.lang)}
      receipt={receipt}
      ballotList={stored.ballotList}
    />,
  );
}

/** Results of closed questions, receipt checks and the export that verifies a count. */
export async function resultRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  app.get<WithId>("/decisions/:id/results", async (req, reply) =>
    resultsPage(db, req, reply, null),
  );

  // Receipt codes are checked by POST, so that they stay out of URLs and access logs.
  app.post<WithId>("/decisions/:id/results", async (req, reply) =>
    resultsPage(db, req, reply, (formBody(req).receipt ?? "").trim()),
  );

  app.get<WithId>("/decisions/:id/export.json", async (req, reply) => {
    const tambon = allowedTambon(req, "tambon.read");
    const found = await getQuestion(db, tambon.id, requireId(req.params.id));
    if (!found || found.question.phase !== "closed") throw notFound();
    // A public vote's recount file is public, as its chains are (specs/voting.md: anyone can see
    // where a vote went): it names members by id only. A secret vote's stays with its managers.
    if (
      found.rules.secrecy === "private" &&
      !can(req.actor, "question.manage", { tambonId: tambon.id })
    )
      throw forbidden(!!req.actor.user);
    const data = await exportQuestion(db, tambon.id, found.question.id);
    return sendDownload(reply, {
      type: "json",
      name: `question-${found.question.id}.json`,
      body: JSON.stringify(data, null, 1),
    });
  });
}
