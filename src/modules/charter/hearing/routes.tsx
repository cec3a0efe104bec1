import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { formBody, allowedTambon } from "../../../core/http.ts";
import { can } from "../../../core/policy.ts";
import { requireId } from "../../../core/params.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";
import { diffCharters } from "../diff.ts";
import { participation } from "./participation.ts";
import { throwIfDenied } from "../../../core/result.ts";
import { recordHearingInput } from "../comments/commands.ts";
import { HearingPage } from "./views.tsx";
import { shownVersion, villagesOf, memberVillages, getVersionById } from "../charters/queries.ts";
import { commentItems, aboutOptions, commentInputOf } from "../comments/helpers.ts";
import { commentsOf } from "../comments/queries.ts";
import { loadEdition, sentFields } from "../shared/helpers.ts";
import { hearingMeetingsOf } from "./commands.ts";
import { pick } from "../../../core/pick.ts";

/** The public hearing of an edition: participation, meetings and views recorded by facilitators. */
export async function hearingRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  const hearingPage = async (req: FastifyRequest, id: string, form: FormState) => {
    const { charter, edition } = await loadEdition(req, db, id);
    const tambonId = edition.tambonId;
    const [current, villages, all, meetings] = await Promise.all([
      shownVersion(db, edition),
      villagesOf(db, tambonId),
      commentsOf(db, tambonId, edition.id),
      hearingMeetingsOf(db, tambonId, edition.id),
    ]);
    const members = await memberVillages(db, tambonId, [
      ...new Set(all.map((c) => c.authorId).filter((x): x is number => x != null)),
    ]);
    const report = participation(
      all.map((c) => ({ ...c, authorName: c.author })),
      members,
    );
    const hearingItems = (await commentItems(db, req, charter, edition, current.doc, {})).filter(
      (c) => c.phase === "hearing" && c.status === "accepted",
    );
    let diff = null;
    if (edition.hearingVersionId) {
      const start = await getVersionById(db, tambonId, edition.id, edition.hearingVersionId);
      if (start && start.id !== current.id)
        diff = {
          diff: diffCharters(start.doc, current.doc),
          fromNumber: start.number,
          adopted: edition.status === "adopted",
        };
    }
    return (
      <HearingPage
        data={{
          charter,
          edition,
          title: current.doc.title,
          villages,
          ...pick(report, "byVillage", "people", "villagesReached"),
          acceptedInHearing: hearingItems,
          diff,
          canRecord: can(req.actor, "charter.hearing", { tambonId }),
          aboutOptions: aboutOptions(current.doc, charter, req),
          form: form.values.about
            ? form
            : {
                values: { about: "general", kind: "comment", ...form.values },
                errors: form.errors,
              },
          showAll: (req.query as Record<string, string | undefined>).all === "1",
          meetings: meetings.filter(
            (m) => m.isPublic || can(req.actor, "charter.manage", { tambonId }),
          ),
        }}
      />
    );
  };

  app.get<{ Params: { id: string } }>("/charter-editions/:id/hearing", async (req, reply) => {
    return reply.page(
      msg.t(req.lang)("hearing.title"),
      await hearingPage(req, req.params.id, emptyForm()),
    );
  });

  app.post<{ Params: { id: string } }>("/charter-editions/:id/hearing", async (req, reply) => {
    const tambon = allowedTambon(req, "charter.hearing");
    const body = formBody(req);
    const result = throwIfDenied(
      await recordHearingInput(db, req.actor, tambon.id, requireId(req.params.id), {
        ...commentInputOf(body),
        ...sentFields(body, "name", "village"),
      }),
    );
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/charter-editions/${requireId(req.params.id)}/hearing`,
        msg.t(req.lang)("hearing.recorded"),
      );
    return reply.page(
      msg.t(req.lang)("hearing.title"),
      await hearingPage(req, req.params.id, failedForm(body, result.errors, req.lang, msg)),
      { status: 422 },
    );
  });
}
