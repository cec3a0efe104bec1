import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { currentTambon, formBody, formList } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { pageOf, queryOf, requireId } from "../../../core/params.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";
import { defaultStep, isMeetingKind } from "../meetings/meeting.ts";
import { getAgendaItem, listMeetings } from "../meetings/queries.ts";
import { deleteAgendaItem, saveAgendaItem } from "../meetings/agenda-commands.ts";
import { saveMeeting, type MeetingInput } from "../meetings/commands.ts";
import { throwIfDenied } from "../../../core/result.ts";
import { MeetingAdminList, NewMeetingPage } from "../meetings/admin-views.tsx";
import { meetingTitle } from "../shared/views.tsx";
import { errorText, loadMeeting, tambonFor, recordPost } from "../shared/helpers.ts";

import { hubOutcome, hubPage, meetingChoices } from "../meetings/helpers.tsx";
/** Organisers' routes for meetings: scheduling, details and the agenda. */
export async function adminMeetingRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  const input = (req: FastifyRequest, defaultMinPerVillage: number): MeetingInput => ({
    body: formBody(req),
    invitedGroupIds: formList(req, "invitedGroupIds"),
    invitedVillageIds: formList(req, "invitedVillageIds"),
    defaultMinPerVillage,
  });

  app.get("/admin/meetings", async (req, reply) => {
    const tambon = tambonFor(req, "meeting.manage");
    const page = pageOf(req);
    const list = await listMeetings(db, tambon.id, { includePrivate: true }, page);
    return reply.page(msg.t(req.lang)("admin.meetings"), <MeetingAdminList list={list} />);
  });

  async function newPage(
    req: FastifyRequest,
    form: FormState,
    groupIds: number[],
    villageIds: number[],
  ) {
    const choices = await meetingChoices(db, currentTambon(req).id);
    return (
      <NewMeetingPage
        form={form}
        {...choices}
        invitedGroupIds={groupIds}
        invitedVillageIds={villageIds}
      />
    );
  }

  app.get("/admin/meetings/new", async (req, reply) => {
    tambonFor(req, "meeting.manage");
    const q = queryOf(req);
    const kind = isMeetingKind(q.kind) ? q.kind : "village_assembly";
    const values = {
      kind,
      step: String(defaultStep(kind)),
      startTime: "09:00",
      endTime: "12:00",
      isPublic: "1",
      status: "planned",
      quorumVillagesPct: "100",
    };
    return reply.page(
      msg.t(req.lang)("meetings.new"),
      await newPage(req, emptyForm(values), [], []),
    );
  });

  app.post("/admin/meetings", async (req, reply) => {
    const tambon = tambonFor(req, "meeting.manage");
    const i = input(req, tambon.minRepsPerVillage);
    const result = await saveMeeting(db, req.actor, tambon.id, i);
    const t = msg.t(req.lang);
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/admin/meetings/${result.value.id}`,
        t("meetings.saved"),
      );
    const form = failedForm(i.body, result.errors, req.lang, msg);
    return reply.page(
      t("meetings.new"),
      await newPage(req, form, i.invitedGroupIds.map(Number), i.invitedVillageIds.map(Number)),
      { status: 422 },
    );
  });

  app.get<{ Params: { id: string } }>("/admin/meetings/:id", async (req, reply) => {
    const { meeting } = await loadMeeting(db, req, "meeting.manage");
    return reply.page(meetingTitle(meeting, req.lang), await hubPage(db, req, meeting, {}));
  });

  app.post<{ Params: { id: string } }>("/admin/meetings/:id", async (req, reply) => {
    const { tambon, meeting } = await loadMeeting(db, req, "meeting.manage");
    const i = input(req, tambon.minRepsPerVillage);
    const result = throwIfDenied(await saveMeeting(db, req.actor, tambon.id, i, meeting.id));
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/admin/meetings/${meeting.id}`,
        msg.t(req.lang)("meetings.saved"),
      );
    const form = failedForm(i.body, result.errors, req.lang, msg);
    return reply.page(
      meetingTitle(meeting, req.lang),
      await hubPage(db, req, meeting, {
        form,
        groupIds: i.invitedGroupIds.map(Number),
        villageIds: i.invitedVillageIds.map(Number),
      }),
      { status: 422 },
    );
  });

  app.post<{ Params: { id: string } }>("/admin/meetings/:id/agenda", async (req, reply) => {
    const { tambon, meeting } = await loadMeeting(db, req, "meeting.manage");
    const body = formBody(req);
    const result = throwIfDenied(await saveAgendaItem(db, req.actor, tambon.id, meeting.id, body));
    return hubOutcome(db, req, reply, meeting, result, {
      name: "agendaForm",
      body,
      anchor: "h-agenda",
      done: "meetings.agendaSaved",
    });
  });

  app.post<{ Params: { id: string } }>("/admin/agenda/:id", async (req, reply) => {
    const tambon = tambonFor(req, "meeting.manage");
    const item = await getAgendaItem(db, tambon.id, requireId(req.params.id));
    if (!item) throw notFound();
    const body = formBody(req);
    const result = throwIfDenied(
      await saveAgendaItem(db, req.actor, tambon.id, item.meetingId, body, item.id),
    );
    const t = msg.t(req.lang);
    const back =
      body.next === "minutes"
        ? `/t/${tambon.slug}/admin/meetings/${item.meetingId}/minutes`
        : `/t/${tambon.slug}/admin/meetings/${item.meetingId}#h-agenda`;
    if (result.ok) return reply.seeOther(back, t("meetings.agendaSaved"));
    return reply.seeOther(back, errorText(result.errors, req.lang));
  });

  recordPost(app, db, "/admin/agenda/:id/delete", {
    action: "meeting.manage",
    confirm: true,
    get: getAgendaItem,
    run: (req, tambonId, item) => deleteAgendaItem(db, req.actor, tambonId, item.id),
    back: (item) => `/admin/meetings/${item.meetingId}#h-agenda`,
    done: "meetings.agendaDeleted",
  });
}
