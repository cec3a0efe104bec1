import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { ModuleDeps } from "../../../core/modules.ts";
import { renderToString } from "preact-render-to-string";
import { authorize, currentTambon, formBody, formList, viewCtx } from "../../../core/http.ts";
import { assetUrl } from "../../../core/views/assets.ts";
import { ViewContext } from "../../../core/views/ctx.ts";
import { LIVE_SCRIPT } from "../live-script.ts";
import { notFound } from "../../../core/errors.ts";
import { parsePage, requireId } from "../../../core/params.ts";
import { can } from "../../../core/policy.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { tambonMembers, users } from "../../../core/db/schema.ts";
import { listAreas } from "../../areas/public.ts";
import { msg } from "../messages.ts";
import { workGroups } from "../schema.ts";
import { bangkokDay, bangkokTime, defaultStep, isMeetingKind } from "../meeting.ts";
import {
  agendaOf,
  attendanceOf,
  filesOf,
  getAgendaItem,
  getAttendance,
  getMeeting,
  getNomination,
  getResolutionRow,
  listMeetings,
  nominationsOf,
  resolutionsOf,
  termsOn,
  villagesOf,
  type MeetingRow,
} from "../queries.ts";
import {
  confirmMinutes,
  deleteAgendaItem,
  saveAgendaItem,
  saveMeeting,
  type MeetingInput,
} from "../commands/meetings.ts";
import {
  recordAttendance,
  recordBulk,
  recordSheet,
  removeAttendance,
  type Recorded,
} from "../commands/attendance.ts";
import {
  correctResolution,
  deleteResolution,
  recordResolution,
  type ResolutionInput,
} from "../commands/resolutions.ts";
import { nominate, withdrawNomination } from "../commands/groups.ts";
import { MEETING_FILE_UPLOAD, addMeetingFile, deleteMeetingFile } from "../commands/files.ts";
import { throwIfDenied, type Result } from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { GroupsKey } from "../messages.ts";
import { readUploads, uploadError, uploadRoute } from "../../../core/uploads.ts";
import {
  CorrectionPage,
  MeetingAdminList,
  MeetingAdminPage,
  MinutesPage,
  NewMeetingPage,
} from "../views/meeting-admin.tsx";
import { AttendanceLive, AttendancePage, type SheetPerson } from "../views/attendance.tsx";
import { meetingTitle } from "../views/common.tsx";
import { errorText, pillarChoices, query, toId } from "./helpers.ts";

/** Form values of a meeting row. */
function meetingValues(m: MeetingRow): Record<string, string> {
  return {
    kind: m.kind,
    step: String(m.step),
    titleTh: m.titleTh,
    titleEn: m.titleEn,
    descriptionTh: m.descriptionTh,
    date: bangkokDay(m.startsAt),
    startTime: bangkokTime(m.startsAt),
    endTime: m.endsAt ? bangkokTime(m.endsAt) : "",
    place: m.place,
    organiser: m.organiser,
    groupId: m.groupId ? String(m.groupId) : "",
    areaId: m.areaId ? String(m.areaId) : "",
    status: m.status,
    isPublic: m.isPublic ? "1" : "",
    quorumMinPerVillage: m.quorumMinPerVillage === null ? "" : String(m.quorumMinPerVillage),
    quorumVillagesPct: String(m.quorumVillagesPct),
  };
}

/** Organisers' routes for meetings: scheduling, agenda, files, attendance, minutes, resolutions. */
export async function adminMeetingRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  const groupsOf = (tambonId: number) =>
    db
      .select()
      .from(workGroups)
      .where(eq(workGroups.tambonId, tambonId))
      .orderBy(asc(workGroups.id));

  async function loadMeeting(req: FastifyRequest<{ Params: { id: string } }>, action: string) {
    const tambon = currentTambon(req);
    authorize(req, action, { tambonId: tambon.id });
    const meeting = await getMeeting(db, tambon.id, requireId(req.params.id));
    if (!meeting) throw notFound();
    return { tambon, meeting };
  }

  const input = (req: FastifyRequest, defaultMinPerVillage: number): MeetingInput => ({
    body: formBody(req),
    invitedGroupIds: formList(req, "invitedGroupIds"),
    invitedVillageIds: formList(req, "invitedVillageIds"),
    defaultMinPerVillage,
  });

  app.get("/admin/meetings", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "meeting.manage", { tambonId: tambon.id });
    const page = parsePage(query(req).page);
    const list = await listMeetings(db, tambon.id, { includePrivate: true }, page);
    return reply.page(msg.t(req.lang)("admin.meetings"), <MeetingAdminList list={list} />);
  });

  async function newPage(
    req: FastifyRequest,
    form: FormState,
    groupIds: number[],
    villageIds: number[],
  ) {
    const tambon = currentTambon(req);
    const [groups, villages, areas] = await Promise.all([
      groupsOf(tambon.id),
      villagesOf(db, tambon.id),
      listAreas(db, tambon.id),
    ]);
    return (
      <NewMeetingPage
        form={form}
        groups={groups}
        villages={villages}
        areas={areas}
        invitedGroupIds={groupIds}
        invitedVillageIds={villageIds}
      />
    );
  }

  app.get("/admin/meetings/new", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "meeting.manage", { tambonId: tambon.id });
    const q = query(req);
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
    const tambon = currentTambon(req);
    authorize(req, "meeting.manage", { tambonId: tambon.id });
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

  async function hubPage(
    req: FastifyRequest,
    meeting: MeetingRow,
    forms: {
      form?: FormState;
      agendaForm?: FormState;
      fileForm?: FormState;
      groupIds?: number[];
      villageIds?: number[];
    },
  ) {
    const tambon = currentTambon(req);
    const [agenda, files, groups, villages, areas] = await Promise.all([
      agendaOf(db, tambon.id, meeting.id),
      filesOf(db, tambon.id, meeting.id),
      groupsOf(tambon.id),
      villagesOf(db, tambon.id),
      listAreas(db, tambon.id),
    ]);
    return (
      <MeetingAdminPage
        meeting={meeting}
        agenda={agenda}
        files={files}
        form={forms.form ?? emptyForm(meetingValues(meeting))}
        agendaForm={forms.agendaForm ?? emptyForm()}
        fileForm={forms.fileForm ?? emptyForm()}
        groups={groups}
        villages={villages}
        areas={areas}
        invitedGroupIds={forms.groupIds ?? meeting.invitedGroupIds}
        invitedVillageIds={forms.villageIds ?? meeting.invitedVillageIds}
        canRecord={can(req.actor, "attendance.record", { tambonId: tambon.id })}
      />
    );
  }

  app.get<{ Params: { id: string } }>("/admin/meetings/:id", async (req, reply) => {
    const { meeting } = await loadMeeting(req, "meeting.manage");
    return reply.page(meetingTitle(meeting, req.lang), await hubPage(req, meeting, {}));
  });

  app.post<{ Params: { id: string } }>("/admin/meetings/:id", async (req, reply) => {
    const { tambon, meeting } = await loadMeeting(req, "meeting.manage");
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
      await hubPage(req, meeting, {
        form,
        groupIds: i.invitedGroupIds.map(Number),
        villageIds: i.invitedVillageIds.map(Number),
      }),
      { status: 422 },
    );
  });

  app.post<{ Params: { id: string } }>("/admin/meetings/:id/agenda", async (req, reply) => {
    const { tambon, meeting } = await loadMeeting(req, "meeting.manage");
    const body = formBody(req);
    const result = throwIfDenied(await saveAgendaItem(db, req.actor, tambon.id, meeting.id, body));
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/admin/meetings/${meeting.id}#h-agenda`,
        msg.t(req.lang)("meetings.agendaSaved"),
      );
    const agendaForm = failedForm(body, result.errors, req.lang, msg);
    return reply.page(
      meetingTitle(meeting, req.lang),
      await hubPage(req, meeting, { agendaForm }),
      { status: 422 },
    );
  });

  app.post<{ Params: { id: string } }>("/admin/agenda/:id", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "meeting.manage", { tambonId: tambon.id });
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

  app.post<{ Params: { id: string } }>("/admin/agenda/:id/delete", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "meeting.manage", { tambonId: tambon.id });
    const item = await getAgendaItem(db, tambon.id, requireId(req.params.id));
    if (!item) throw notFound();
    const result = throwIfDenied(await deleteAgendaItem(db, req.actor, tambon.id, item.id));
    const t = msg.t(req.lang);
    return reply.seeOther(
      `/t/${tambon.slug}/admin/meetings/${item.meetingId}#h-agenda`,
      result.ok ? t("meetings.agendaDeleted") : errorText(result.errors, req.lang),
    );
  });

  app.post<{ Params: { id: string } }>(
    "/admin/meetings/:id/files",
    uploadRoute(MEETING_FILE_UPLOAD),
    async (req, reply) => {
      const { tambon, meeting } = await loadMeeting(req, "meeting.manage");
      const body = formBody(req);
      const got = readUploads(req, "file");
      const refused = uploadError(req, got);
      const file = got.files[0] ?? { data: Buffer.alloc(0), filename: "" };
      const result: Result<unknown, GroupsKey | CoreKey> = refused
        ? { ok: false, errors: { file: refused } }
        : throwIfDenied(
            await addMeetingFile(db, req.actor, tambon.id, meeting.id, file, body.caption ?? ""),
          );
      if (result.ok)
        return reply.seeOther(
          `/t/${tambon.slug}/admin/meetings/${meeting.id}#h-files`,
          msg.t(req.lang)("meetings.fileAdded"),
        );
      const fileForm = failedForm(body, result.errors, req.lang, msg);
      return reply.page(
        meetingTitle(meeting, req.lang),
        await hubPage(req, meeting, { fileForm }),
        {
          status: 422,
        },
      );
    },
  );

  app.post<{ Params: { id: string } }>("/admin/meeting-files/:id/delete", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "meeting.manage", { tambonId: tambon.id });
    const result = throwIfDenied(
      await deleteMeetingFile(db, req.actor, tambon.id, requireId(req.params.id)),
    );
    if (!result.ok) throw notFound();
    return reply.seeOther(
      `/t/${tambon.slug}/admin/meetings/${result.value.meetingId}#h-files`,
      msg.t(req.lang)("meetings.fileDeleted"),
    );
  });

  // Attendance

  async function attendancePage(
    req: FastifyRequest,
    meeting: MeetingRow,
    villageId: number,
    forms: { form?: FormState; sheetForm?: FormState; bulkForm?: FormState },
  ) {
    const tambon = currentTambon(req);
    const [villages, attendance] = await Promise.all([
      villagesOf(db, tambon.id),
      attendanceOf(db, tambon.id, meeting.id),
    ]);
    const village = villages.find((v) => v.id === villageId) ?? null;
    let sheet: SheetPerson[] = [];
    let names: string[] = [];
    if (village) {
      const terms = (await termsOn(db, tambon.id, bangkokDay(meeting.startsAt))).filter(
        (x) => x.villageId === village.id,
      );
      const ids = [...new Set(terms.map((x) => x.userId))];
      const people = ids.length
        ? await db
            .select({ id: users.id, name: users.name })
            .from(users)
            .where(inArray(users.id, ids))
        : [];
      const present = new Set(attendance.map((a) => a.userId));
      sheet = people
        .map((p) => ({ userId: p.id, name: p.name, present: present.has(p.id) }))
        .sort((a, b) => a.name.localeCompare(b.name, "th"));
      names = (
        await db
          .select({ name: users.name })
          .from(users)
          .innerJoin(tambonMembers, eq(tambonMembers.userId, users.id))
          .where(
            and(eq(tambonMembers.tambonId, tambon.id), eq(tambonMembers.villageId, village.id)),
          )
          .orderBy(asc(users.name))
          .limit(500)
      ).map((r) => r.name);
    }
    const remembered: Record<string, string> = village ? { villageId: String(village.id) } : {};
    return (
      <AttendancePage
        meeting={meeting}
        villages={villages}
        attendance={attendance}
        village={village}
        sheet={sheet}
        names={names}
        form={forms.form ?? emptyForm(remembered)}
        sheetForm={forms.sheetForm ?? emptyForm()}
        bulkForm={forms.bulkForm ?? emptyForm(remembered)}
      />
    );
  }

  const attendanceTitle = (req: FastifyRequest) => msg.t(req.lang)("attend.title");

  /** Authorizes a recording; the command reads and locks the meeting itself (a 404 if not ours). */
  function recording(req: FastifyRequest<{ Params: { id: string } }>) {
    const tambon = currentTambon(req);
    authorize(req, "attendance.record", { tambonId: tambon.id });
    return { tambon, meetingId: requireId(req.params.id) };
  }

  /** The meeting again, to show the form with its errors. */
  async function reread(tambonId: number, id: number): Promise<MeetingRow> {
    const meeting = await getMeeting(db, tambonId, id);
    if (!meeting) throw notFound();
    return meeting;
  }

  app.get<{ Params: { id: string } }>("/admin/meetings/:id/attendance", async (req, reply) => {
    const { meeting } = await loadMeeting(req, "attendance.record");
    return reply.page(
      attendanceTitle(req),
      await attendancePage(req, meeting, toId(query(req).village), {}),
      { head: <script src={assetUrl(LIVE_SCRIPT)} defer /> },
    );
  });

  /** The live parts of the attendance page as an HTML fragment, for the page's script. */
  app.get<{ Params: { id: string } }>("/admin/meetings/:id/attendance/live", async (req, reply) => {
    const { tambon, meeting } = await loadMeeting(req, "attendance.record");
    const [villages, attendance] = await Promise.all([
      villagesOf(db, tambon.id),
      attendanceOf(db, tambon.id, meeting.id),
    ]);
    const ctx = viewCtx(req, reply, deps.config.secret, []);
    const html = renderToString(
      <ViewContext.Provider value={ctx}>
        <AttendanceLive meeting={meeting} villages={villages} attendance={attendance} />
      </ViewContext.Provider>,
    );
    return reply
      .header("content-type", "text/html; charset=utf-8")
      .header("cache-control", "private, no-store")
      .send(html);
  });

  /** After recording: back to the page, the village remembered, with a summary. */
  function recorded(
    req: FastifyRequest,
    reply: FastifyReply,
    r: Recorded,
    villageId: number | null,
    anchor: string,
  ) {
    const tambon = currentTambon(req);
    const t = msg.t(req.lang);
    const parts = [
      r.added.length === 1
        ? t("attend.added", { name: r.added[0]!.name })
        : t("attend.addedN", { n: r.added.length }),
    ];
    if (r.duplicates.length) parts.push(t("attend.duplicatesN", { n: r.duplicates.length }));
    if (r.meeting.quorum)
      parts.push(
        r.meeting.quorum.met
          ? t("quorum.met")
          : t("quorum.progress", {
              met: r.meeting.quorum.villagesMet,
              required: r.meeting.quorum.villagesRequired,
            }),
      );
    const v = villageId ? `?village=${villageId}` : "";
    return reply.seeOther(
      `/t/${tambon.slug}/admin/meetings/${r.meeting.id}/attendance${v}#${anchor}`,
      parts.join(" · "),
    );
  }

  app.post<{ Params: { id: string } }>("/admin/meetings/:id/attendance", async (req, reply) => {
    const { tambon, meetingId } = recording(req);
    const body = formBody(req);
    const result = throwIfDenied(await recordAttendance(db, req.actor, tambon.id, meetingId, body));
    if (result.ok) return recorded(req, reply, result.value, toId(body.villageId) || null, "one");
    const meeting = await reread(tambon.id, meetingId);
    const form = failedForm(body, result.errors, req.lang, msg);
    return reply.page(
      attendanceTitle(req),
      await attendancePage(req, meeting, toId(body.villageId), { form }),
      {
        status: 422,
      },
    );
  });

  app.post<{ Params: { id: string } }>(
    "/admin/meetings/:id/attendance/sheet",
    async (req, reply) => {
      const { tambon, meetingId } = recording(req);
      const body = formBody(req);
      const villageId = toId(body.villageId) || null;
      const result = throwIfDenied(
        await recordSheet(db, req.actor, tambon.id, meetingId, villageId, formList(req, "people")),
      );
      if (result.ok) {
        // Straight on to the next village still short of its minimum (the sheets go round the room).
        const q = result.value.meeting.quorum?.villages ?? [];
        const at = q.findIndex((v) => v.villageId === villageId);
        const next = [...q.slice(at + 1), ...q.slice(0, Math.max(0, at))].find((v) => !v.met);
        return recorded(req, reply, result.value, next?.villageId ?? villageId, "sheet");
      }
      const meeting = await reread(tambon.id, meetingId);
      const sheetForm = failedForm(body, result.errors, req.lang, msg);
      return reply.page(
        attendanceTitle(req),
        await attendancePage(req, meeting, villageId ?? 0, { sheetForm }),
        {
          status: 422,
        },
      );
    },
  );

  app.post<{ Params: { id: string } }>(
    "/admin/meetings/:id/attendance/bulk",
    async (req, reply) => {
      const { tambon, meetingId } = recording(req);
      const body = formBody(req);
      const result = throwIfDenied(await recordBulk(db, req.actor, tambon.id, meetingId, body));
      if (result.ok)
        return recorded(req, reply, result.value, toId(body.villageId) || null, "bulk");
      const meeting = await reread(tambon.id, meetingId);
      const bulkForm = failedForm(body, result.errors, req.lang, msg);
      return reply.page(
        attendanceTitle(req),
        await attendancePage(req, meeting, toId(body.villageId), { bulkForm }),
        {
          status: 422,
        },
      );
    },
  );

  app.post<{ Params: { id: string } }>("/admin/attendance/:id/delete", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "attendance.record", { tambonId: tambon.id });
    const row = await getAttendance(db, tambon.id, requireId(req.params.id));
    if (!row) throw notFound();
    const result = throwIfDenied(await removeAttendance(db, req.actor, tambon.id, row.id));
    const t = msg.t(req.lang);
    return reply.seeOther(
      `/t/${tambon.slug}/admin/meetings/${row.meetingId}/attendance${row.villageId ? `?village=${row.villageId}` : ""}#list`,
      result.ok ? t("attend.removed") : errorText(result.errors, req.lang),
    );
  });

  // Minutes, resolutions, nominations

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
      groupsOf(tambon.id),
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
    const { meeting } = await loadMeeting(req, "meeting.manage");
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
    const { tambon, meeting } = await loadMeeting(req, "resolution.record");
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

  app.post<{ Params: { id: string } }>("/admin/resolutions/:id/delete", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "resolution.record", { tambonId: tambon.id });
    const row = await getResolutionRow(db, tambon.id, requireId(req.params.id));
    if (!row) throw notFound();
    const result = throwIfDenied(await deleteResolution(db, req.actor, tambon.id, row.id));
    const t = msg.t(req.lang);
    return reply.seeOther(
      `/t/${tambon.slug}/admin/meetings/${row.meetingId}/minutes#h-res`,
      result.ok ? t("res.deleted") : errorText(result.errors, req.lang),
    );
  });

  async function correctionPage(req: FastifyRequest, id: number, form: FormState | null) {
    const tambon = currentTambon(req);
    const original = await getResolutionRow(db, tambon.id, id);
    if (!original) throw notFound();
    const meeting = (await getMeeting(db, tambon.id, original.meetingId))!;
    const values = {
      textTh: original.textTh,
      textEn: original.textEn,
      method: original.method,
      votesFor: original.votesFor === null ? "" : String(original.votesFor),
      votesAgainst: original.votesAgainst === null ? "" : String(original.votesAgainst),
      votesAbstain: original.votesAbstain === null ? "" : String(original.votesAbstain),
    };
    return (
      <CorrectionPage original={original} meeting={meeting} form={form ?? emptyForm(values)} />
    );
  }

  app.get<{ Params: { id: string } }>("/admin/resolutions/:id/correct", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "resolution.record", { tambonId: tambon.id });
    return reply.page(
      msg.t(req.lang)("res.correct"),
      await correctionPage(req, requireId(req.params.id), null),
    );
  });

  app.post<{ Params: { id: string } }>("/admin/resolutions/:id/correct", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "resolution.record", { tambonId: tambon.id });
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

  app.post<{ Params: { id: string } }>("/admin/meetings/:id/confirm", async (req, reply) => {
    const { tambon, meeting } = await loadMeeting(req, "minutes.confirm");
    const result = throwIfDenied(await confirmMinutes(db, req.actor, tambon.id, meeting.id));
    const t = msg.t(req.lang);
    return reply.seeOther(
      `/t/${tambon.slug}/admin/meetings/${meeting.id}/minutes`,
      result.ok ? t("meetings.confirmed") : errorText(result.errors, req.lang),
    );
  });

  app.post<{ Params: { id: string } }>("/admin/meetings/:id/nominations", async (req, reply) => {
    const { tambon, meeting } = await loadMeeting(req, "nomination.manage");
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

  app.post<{ Params: { id: string } }>("/admin/nominations/:id/withdraw", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "nomination.manage", { tambonId: tambon.id });
    const n = await getNomination(db, tambon.id, requireId(req.params.id));
    if (!n) throw notFound();
    const result = throwIfDenied(await withdrawNomination(db, req.actor, tambon.id, n.id));
    const t = msg.t(req.lang);
    return reply.seeOther(
      `/t/${tambon.slug}/admin/meetings/${n.meetingId}/minutes#h-nom`,
      result.ok ? t("nom.withdrawn") : errorText(result.errors, req.lang),
    );
  });
}
