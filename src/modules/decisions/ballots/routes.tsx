import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { authorize, currentTambon, formBody, requireUser } from "../../../core/http.ts";
import { can } from "../../../core/policy.ts";
import { notFound } from "../../../core/errors.ts";
import { parseId, requireId } from "../../../core/params.ts";
import { throwIfDenied } from "../../../core/result.ts";
import type { Db } from "../../../core/db/index.ts";
import { msg, type DecisionsKey } from "../messages.ts";
import { alternativesOf, getQuestion, villageWordsOf, votersOf } from "../shared/queries.ts";
import { castBallot, withdrawBallot } from "./commands.ts";
import { myBallot } from "./queries.ts";
import { BallotPage } from "./views.tsx";

type WithId = { Params: { id: string } };

/** The ballot page: the actor's grades (or those just sent back), an error, who may be recorded. */
async function ballotPage(
  db: Db,
  req: FastifyRequest,
  id: number,
  error: string | null,
  grades?: Record<string, number>,
  selected = "",
) {
  const tambon = currentTambon(req);
  const found = await getQuestion(db, tambon.id, id);
  if (!found) throw notFound();
  const alts = await alternativesOf(db, tambon.id, id);
  const current = await myBallot(db, tambon.id, id, req.actor.user!.id);
  const recordFor = can(req.actor, "ballot.record", { tambonId: tambon.id })
    ? {
        options: await (async () => {
          const words = await villageWordsOf(db, tambon.id, req.lang);
          return (await votersOf(db, tambon.id)).map((v) => ({
            value: String(v.id),
            label: `${v.name} (${words.get(v.village) ?? ""})`,
          }));
        })(),
        selected,
      }
    : null;
  return (
    <BallotPage
      q={{ id, title: found.question.title }}
      alts={alts.map((a) => ({ id: a.id, title: a.title }))}
      grades={grades ?? current?.grades ?? {}}
      error={error}
      recordFor={recordFor}
      canWithdraw={!!current && found.question.phase === "voting"}
    />
  );
}

/** Casting, recording and withdrawing ballots. */
export async function ballotRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  app.get<WithId>("/decisions/:id/ballot", async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    authorize(req, "question.participate", { tambonId: tambon.id });
    return reply.page(
      msg.t(req.lang)("ballot.title"),
      await ballotPage(db, req, requireId(req.params.id), null),
    );
  });

  app.post<WithId>("/decisions/:id/ballot", async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    const id = requireId(req.params.id);
    const body = formBody(req);
    const raw: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) if (k.startsWith("grade_")) raw[k.slice(6)] = v;
    const forUser = parseId(body.member) ?? undefined;
    const result = await castBallot(
      db,
      req.actor,
      tambon.id,
      id,
      raw,
      forUser,
      undefined,
      deps.config.secret,
    );
    const t = msg.t(req.lang);
    if (!result.ok) {
      const error = (throwIfDenied(result).errors._form?.key ?? "ballot.badGrade") as DecisionsKey;
      const typed: Record<string, number> = {};
      for (const [k, v] of Object.entries(raw))
        if (Number.isInteger(Number(v))) typed[k] = Number(v);
      return reply.page(
        t("ballot.title"),
        await ballotPage(db, req, id, t(error), typed, body.member ?? ""),
        { status: error === "ballot.badGrade" ? 422 : 409 },
      );
    }
    const { receipt } = result.value;
    const flash = receipt
      ? `${t("ballot.saved")} — ${t("ballot.receipt", { code: receipt })}`
      : t("ballot.saved");
    return reply.seeOther(`/t/${tambon.slug}/decisions/${id}`, flash);
  });

  app.post<WithId>("/decisions/:id/ballot/withdraw", async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    authorize(req, "question.participate", { tambonId: tambon.id });
    const id = requireId(req.params.id);
    const result = await withdrawBallot(db, req.actor, tambon.id, id);
    const t = msg.t(req.lang);
    if (!result.ok) {
      const error = (throwIfDenied(result).errors._form?.key ?? "ballot.closed") as DecisionsKey;
      return reply.page(t("ballot.title"), await ballotPage(db, req, id, t(error)), {
        status: 409,
      });
    }
    return reply.seeOther(`/t/${tambon.slug}/decisions/${id}`, t("ballot.withdrawn"));
  });
}
