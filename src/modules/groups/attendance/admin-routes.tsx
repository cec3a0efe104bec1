import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { renderToString } from "preact-render-to-string";
import { currentTambon, formBody, formList, viewCtx } from "../../../core/http.ts";
import { assetUrl } from "../../../core/views/assets.ts";
import { ViewContext } from "../../../core/views/ctx.ts";
import { LIVE_SCRIPT } from "../attendance/live-script.ts";
import { notFound } from "../../../core/errors.ts";
import { queryOf, requireId } from "../../../core/params.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { msg, type GroupsKey } from "../messages.ts";
import { bangkokDay } from "../meetings/meeting.ts";
import { getMeeting, type MeetingRow } from "../meetings/queries.ts";
import { attendanceOf, getAttendance, quorumVillages } from "../attendance/queries.ts";
import { notCountedReason, type NotCountedReason } from "../attendance/quorum.ts";
import { termsOn } from "../representatives/queries.ts";
import { villagesOf } from "../shared/queries.ts";
import {
  recordAttendance,
  recordBulk,
  recordSheet,
  removeAttendance,
  type Recorded,
} from "../attendance/commands.ts";
import { throwIfDenied, type Failure } from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import { AttendanceLive } from "../attendance/live-views.tsx";
import { AttendancePage, type SheetPerson } from "../attendance/views.tsx";
import { toId, loadMeeting, tambonFor, recordPost } from "../shared/helpers.ts";

import { usersNamed, villageMemberNames } from "./queries.ts";
/** Recording attendance: one person, a village's sheet, a typed list; the live count. */
export async function attendanceRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
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
      const people = ids.length ? await usersNamed(db, ids) : [];
      const present = new Set(attendance.map((a) => a.userId));
      sheet = people
        .map((p) => ({ userId: p.id, name: p.name, present: present.has(p.id) }))
        .sort((a, b) => a.name.localeCompare(b.name, "th"));
      names = await villageMemberNames(db, tambon.id, village.id);
    }
    // Say next to each one recorded as a representative why they do not count, if they do not.
    const day = bangkokDay(meeting.startsAt);
    const allTerms = await termsOn(db, tambon.id, day);
    const counted = quorumVillages(meeting, villages);
    const notCounted = new Map<number, NotCountedReason>();
    for (const a of attendance) {
      const why = notCountedReason(a, allTerms, counted, day);
      if (why) notCounted.set(a.id, why);
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
        notCounted={notCounted}
        form={forms.form ?? emptyForm(remembered)}
        sheetForm={forms.sheetForm ?? emptyForm()}
        bulkForm={forms.bulkForm ?? emptyForm(remembered)}
      />
    );
  }

  const attendanceTitle = (req: FastifyRequest) => msg.t(req.lang)("attend.title");

  /** Authorizes a recording; the command reads and locks the meeting itself (a 404 if not ours). */
  function recording(req: FastifyRequest<{ Params: { id: string } }>) {
    const tambon = tambonFor(req, "attendance.record");
    return { tambon, meetingId: requireId(req.params.id) };
  }

  /** The meeting again, to show the form with its errors. */
  async function reread(tambonId: number, id: number): Promise<MeetingRow> {
    const meeting = await getMeeting(db, tambonId, id);
    if (!meeting) throw notFound();
    return meeting;
  }

  /** The attendance page again (422) with one of its forms showing why it was refused. */
  async function refusedForm(
    req: FastifyRequest,
    reply: FastifyReply,
    at: { tambonId: number; meetingId: number; villageId: number },
    form: "form" | "sheetForm" | "bulkForm",
    body: Record<string, string>,
    failure: Failure<GroupsKey | CoreKey>,
  ) {
    const meeting = await reread(at.tambonId, at.meetingId);
    const state = failedForm(body, failure.errors, req.lang, msg);
    return reply.page(
      attendanceTitle(req),
      await attendancePage(req, meeting, at.villageId, { [form]: state }),
      { status: 422 },
    );
  }

  app.get<{ Params: { id: string } }>("/admin/meetings/:id/attendance", async (req, reply) => {
    const { meeting } = await loadMeeting(db, req, "attendance.record");
    return reply.page(
      attendanceTitle(req),
      await attendancePage(req, meeting, toId(queryOf(req).village), {}),
      { head: <script src={assetUrl(LIVE_SCRIPT)} defer /> },
    );
  });

  /** The live parts of the attendance page as an HTML fragment, for the page's script. */
  app.get<{ Params: { id: string } }>("/admin/meetings/:id/attendance/live", async (req, reply) => {
    const { tambon, meeting } = await loadMeeting(db, req, "attendance.record");
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

  /** A form that adds people by name (one person, or a pasted list), with its command. */
  function byName(
    path: string,
    command: typeof recordAttendance,
    form: "form" | "bulkForm",
    anchor: string,
  ) {
    app.post<{ Params: { id: string } }>(path, async (req, reply) => {
      const { tambon, meetingId } = recording(req);
      const body = formBody(req);
      const result = throwIfDenied(await command(db, req.actor, tambon.id, meetingId, body));
      const villageId = toId(body.villageId);
      if (result.ok) return recorded(req, reply, result.value, villageId || null, anchor);
      const at = { tambonId: tambon.id, meetingId, villageId };
      return refusedForm(req, reply, at, form, body, result);
    });
  }

  byName("/admin/meetings/:id/attendance", recordAttendance, "form", "one");

  app.post<{ Params: { id: string } }>(
    "/admin/meetings/:id/attendance/sheet",
    async (req, reply) => {
      const { tambon, meetingId } = recording(req);
      const body = formBody(req);
      const villageId = toId(body.villageId) || null;
      // "All present": every representative of the village in office on the meeting's day.
      let people = formList(req, "people");
      if (body.all === "1" && villageId) {
        const meeting = await reread(tambon.id, meetingId);
        const terms = await termsOn(db, tambon.id, bangkokDay(meeting.startsAt));
        people = terms.filter((x) => x.villageId === villageId).map((x) => String(x.userId));
      }
      const result = throwIfDenied(
        await recordSheet(db, req.actor, tambon.id, meetingId, villageId, people),
      );
      if (result.ok) {
        // Straight on to the next village still short of its minimum (the sheets go round the room).
        const q = result.value.meeting.quorum?.villages ?? [];
        const at = q.findIndex((v) => v.villageId === villageId);
        const next = [...q.slice(at + 1), ...q.slice(0, Math.max(0, at))].find((v) => !v.met);
        return recorded(req, reply, result.value, next?.villageId ?? villageId, "sheet");
      }
      const at = { tambonId: tambon.id, meetingId, villageId: villageId ?? 0 };
      return refusedForm(req, reply, at, "sheetForm", body, result);
    },
  );

  byName("/admin/meetings/:id/attendance/bulk", recordBulk, "bulkForm", "bulk");

  recordPost(app, db, "/admin/attendance/:id/delete", {
    action: "attendance.record",
    confirm: true,
    get: getAttendance,
    run: (req, tambonId, row) => removeAttendance(db, req.actor, tambonId, row.id),
    back: (row) =>
      `/admin/meetings/${row.meetingId}/attendance${row.villageId ? `?village=${row.villageId}` : ""}#list`,
    done: "attend.removed",
  });
}
