import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { currentTambon, formBody, formList } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";
import { agendaOf, getMeeting, type MeetingRow } from "../meetings/queries.ts";
import { attendanceOf } from "../attendance/queries.ts";
import {
  getNomination,
  getResolutionRow,
  nominationsOf,
  resolutionsOf,
} from "../resolutions/queries.ts";
import { villagesOf } from "../shared/queries.ts";
import { confirmMinutes } from "../meetings/commands.ts";
import { deleteResolution, recordResolution } from "./commands.ts";
import { correctResolution } from "./correction.ts";
import type { ResolutionInput } from "./resolution-form.ts";
import { nominate, withdrawNomination } from "../groups/nominations.ts";
import { throwIfDenied } from "../../../core/result.ts";
import { CorrectionPage } from "../resolutions/correction-views.tsx";
import { MinutesPage } from "../resolutions/admin-views.tsx";
import {
  outcomeText,
  pillarChoices,
  loadMeeting,
  tambonFor,
  recordPost,
} from "../shared/helpers.ts";

import { groupsOf } from "../groups/queries.ts";
import { confirmFirst } from "../../../core/confirmation.tsx";
import { pick } from "../../../core/pick.ts";
/** Minutes, resolutions and nominations of a meeting, corrections, and confirming the minutes. */
export async function adminResolutionRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  async function minutesPage(
    req: FastifyRequest,
    meeting: MeetingRow,
    forms: {
      resForm?: FormState;
      nomForm?: FormState;
      votes?: Record<string, string>;
      approve?: string[];
    },
  ) {
    const tambon = currentTambon(req);
    const [agenda, res, attendance, noms, groups, villages, pillars] = await Promise.all([
      agendaOf(db, tambon.id, meeting.id),
      resolutionsOf(db, tambon.id, meeting.id),
      attendanceOf(db, tambon.id, meeting.id),
      nominationsOf(db, tambon.id, meeting.id),
      groupsOf(db, tambon.id),
      villagesOf(db, tambon.id),
      pillarChoices(db, tambon.id),
    ]);
    const central = groups.find((g) => g.kind === "central" && !g.dissolvedOn);
    return (
      <MinutesPage
        meeting={meeting}
        agenda={agenda}
        resolutions={res}
        attendance={attendance}
        nominations={noms}
        groups={groups}
        villages={villages}
        pillars={pillars}
        resForm={forms.resForm ?? emptyForm({ method: "consensus" })}
        nomForm={
          forms.nomForm ??
          emptyForm({ position: "member", ...(central ? { groupId: String(central.id) } : {}) })
        }
        votes={forms.votes ?? {}}
        approve={
          forms.approve ?? noms.filter((n) => n.n.status === "proposed").map((n) => String(n.n.id))
        }
      />
    );
  }

  app.get<{ Params: { id: string } }>("/admin/meetings/:id/minutes", async (req, reply) => {
    const { meeting } = await loadMeeting(db, req, "meeting.manage");
    return reply.page(
      msg.t(req.lang)("meetings.writeMinutes"),
      await minutesPage(req, meeting, {}),
    );
  });

  function resolutionInput(req: FastifyRequest): ResolutionInput {
    const body = formBody(req);
    const votes: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) {
      const m = /^vote_(\d+)$/.exec(k);
      if (m) votes[m[1]!] = v;
    }
    return { body, votes, approveNominationIds: formList(req, "approve") };
  }

  app.post<{ Params: { id: string } }>("/admin/meetings/:id/resolutions", async (req, reply) => {
    const { tambon, meeting } = await loadMeeting(db, req, "resolution.record");
    const i = resolutionInput(req);
    const result = throwIfDenied(await recordResolution(db, req.actor, tambon.id, meeting.id, i));
    const t = msg.t(req.lang);
    if (result.ok) {
      const already = result.value.alreadyMembers;
      return reply.seeOther(
        `/t/${tambon.slug}/admin/meetings/${meeting.id}/minutes#h-res`,
        [
          t("res.recorded", { n: result.value.number }),
          ...(already.length ? [t("res.alreadyMembers", { names: already.join(", ") })] : []),
        ].join(" "),
      );
    }
    const resForm = failedForm(i.body, result.errors, req.lang, msg);
    const fresh = (await getMeeting(db, tambon.id, meeting.id)) ?? meeting;
    return reply.page(
      t("meetings.writeMinutes"),
      await minutesPage(req, fresh, { resForm, votes: i.votes, approve: i.approveNominationIds }),
      { status: 422 },
    );
  });

  recordPost(app, db, "/admin/resolutions/:id/delete", {
    action: "resolution.record",
    confirm: true,
    get: getResolutionRow,
    run: (req, tambonId, row) => deleteResolution(db, req.actor, tambonId, row.id),
    back: (row) => `/admin/meetings/${row.meetingId}/minutes#h-res`,
    done: "res.deleted",
  });

  async function correctionPage(req: FastifyRequest, id: number, form: FormState | null) {
    const tambon = currentTambon(req);
    const original = await getResolutionRow(db, tambon.id, id);
    if (!original) throw notFound();
    const meeting = (await getMeeting(db, tambon.id, original.meetingId))!;
    const values = {
      ...pick(original, "textTh", "textEn", "method"),
      votesFor: original.votesFor === null ? "" : String(original.votesFor),
      votesAgainst: original.votesAgainst === null ? "" : String(original.votesAgainst),
      votesAbstain: original.votesAbstain === null ? "" : String(original.votesAbstain),
    };
    return (
      <CorrectionPage original={original} meeting={meeting} form={form ?? emptyForm(values)} />
    );
  }

  app.get<{ Params: { id: string } }>("/admin/resolutions/:id/correct", async (req, reply) => {
    tambonFor(req, "resolution.record");
    return reply.page(
      msg.t(req.lang)("res.correct"),
      await correctionPage(req, requireId(req.params.id), null),
    );
  });

  app.post<{ Params: { id: string } }>("/admin/resolutions/:id/correct", async (req, reply) => {
    const tambon = tambonFor(req, "resolution.record");
    const id = requireId(req.params.id);
    if (!(await getResolutionRow(db, tambon.id, id))) throw notFound();
    const i = resolutionInput(req);
    const result = throwIfDenied(await correctResolution(db, req.actor, tambon.id, id, i));
    const t = msg.t(req.lang);
    if (result.ok)
      return reply.seeOther(`/t/${tambon.slug}/resolutions/${result.value.id}`, t("res.corrected"));
    const form = failedForm(i.body, result.errors, req.lang, msg);
    return reply.page(t("res.correct"), await correctionPage(req, id, form), { status: 422 });
  });

  app.post<{ Params: { id: string } }>(
    "/admin/meetings/:id/confirm",
    confirmFirst,
    async (req, reply) => {
      const { tambon, meeting } = await loadMeeting(db, req, "minutes.confirm");
      const result = throwIfDenied(await confirmMinutes(db, req.actor, tambon.id, meeting.id));
      return reply.seeOther(
        `/t/${tambon.slug}/admin/meetings/${meeting.id}/minutes`,
        outcomeText(result, req.lang, "meetings.confirmed"),
      );
    },
  );

  app.post<{ Params: { id: string } }>("/admin/meetings/:id/nominations", async (req, reply) => {
    const { tambon, meeting } = await loadMeeting(db, req, "nomination.manage");
    const body = formBody(req);
    const result = throwIfDenied(await nominate(db, req.actor, tambon.id, meeting.id, body));
    const t = msg.t(req.lang);
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/admin/meetings/${meeting.id}/minutes#h-nom`,
        t("nom.added", { name: result.value.name }),
      );
    const nomForm = failedForm(body, result.errors, req.lang, msg);
    return reply.page(t("meetings.writeMinutes"), await minutesPage(req, meeting, { nomForm }), {
      status: 422,
    });
  });

  recordPost(app, db, "/admin/nominations/:id/withdraw", {
    action: "nomination.manage",
    confirm: true,
    get: getNomination,
    run: (req, tambonId, n) => withdrawNomination(db, req.actor, tambonId, n.id),
    back: (n) => `/admin/meetings/${n.meetingId}/minutes#h-nom`,
    done: "nom.withdrawn",
  });
}
