import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { currentTambon, formBody } from "../../../core/http.ts";
import { parseId, parsePage, queryOf, requireId } from "../../../core/params.ts";
import { can } from "../../../core/policy.ts";
import { todayIso } from "../../../core/dates.ts";
import { emptyForm, type FormState, failedForm } from "../../../core/views/form.tsx";
import { getArea } from "../../areas/public.ts";
import { msg } from "../messages.ts";
import {
  keptMeeting,
  listMeetings,
  type MeetingRecords,
  type MeetingRow,
} from "../meetings/queries.ts";
import { keptVillages } from "../shared/queries.ts";
import { bangkokDay, isMeetingKind, STEPS } from "../meetings/meeting.ts";
import { selfSignIn } from "../attendance/commands.ts";
import { MeetingList } from "../meetings/views.tsx";
import { MeetingPage } from "../meetings/meeting-views.tsx";
import { meetingTitle } from "../shared/views.tsx";
import { assertVisible, isOrganiser, tambonFor } from "../shared/helpers.ts";

import { keptGroups } from "../groups/queries.ts";
import { meetingYears } from "./queries.ts";
/** Upcoming meetings listed above the pages of past ones (all of them, in practice). */
const UPCOMING_SHOWN = 50;

/** The public meeting pages: the list, one meeting, and signing in to it with the code. */
export async function meetingRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  async function meetingPage(
    req: FastifyRequest,
    {
      meeting,
      agenda,
      resolutions: res,
      attendance,
      files,
    }: MeetingRecords & { meeting: MeetingRow },
    signForm: FormState,
  ) {
    const tambon = currentTambon(req);
    const organiser = isOrganiser(req, tambon.id);
    const [villages, groups] = await Promise.all([
      keptVillages(db, tambon.id),
      keptGroups(db, tambon.id),
    ]);
    const area = meeting.areaId ? ((await getArea(db, tambon.id, meeting.areaId)) ?? null) : null;
    let selfSign: "form" | "done" | "login" | null = null;
    const open =
      !meeting.minutesConfirmedAt &&
      meeting.status !== "cancelled" &&
      bangkokDay(meeting.startsAt) === todayIso();
    if (open) {
      if (!req.actor.user) selfSign = "login";
      else if (can(req.actor, "attendance.self", { tambonId: tambon.id }))
        selfSign = attendance.some((a) => a.userId === req.actor.user!.id) ? "done" : "form";
    }
    const perVillage = new Map<number | null, number>();
    for (const a of attendance) perVillage.set(a.villageId, (perVillage.get(a.villageId) ?? 0) + 1);
    const others = new Map(perVillage);
    for (const q of meeting.quorum?.villages ?? [])
      others.set(q.villageId, (others.get(q.villageId) ?? 0) - q.present);
    return (
      <MeetingPage
        meeting={meeting}
        agenda={agenda}
        resolutions={res}
        attendance={organiser ? attendance : []}
        attendanceCount={attendance.length}
        villages={villages}
        groups={groups}
        area={area}
        files={files}
        organiser={organiser}
        selfSign={selfSign}
        signForm={signForm}
        othersPerVillage={others}
        perVillage={perVillage}
      />
    );
  }

  app.get("/meetings", async (req, reply) => {
    const tambon = tambonFor(req, "tambon.read");
    const q = queryOf(req);
    const kind = isMeetingKind(q.kind) ? q.kind : null;
    const step = STEPS.find((s) => String(s) === q.step) ?? null;
    const yearRaw = parseId(q.year) ?? 0;
    const year = yearRaw > 1900 && yearRaw < 3000 ? yearRaw : null;
    const page = parsePage(q.page);
    const organiser = isOrganiser(req, tambon.id);
    const filtered = !!(kind || step || year);
    const base = { kind, step, year, includePrivate: organiser };
    const [upcoming, past, years] = await Promise.all([
      filtered || page > 1
        ? Promise.resolve(null)
        : listMeetings(db, tambon.id, { ...base, upcoming: true }, 1, UPCOMING_SHOWN).then(
            (r) => r.items,
          ),
      listMeetings(db, tambon.id, { ...base, upcoming: filtered ? null : false }, page),
      meetingYears(db, tambon.id),
    ]);
    return reply.page(
      msg.t(req.lang)("meetings.title"),
      <MeetingList
        upcoming={upcoming}
        list={past}
        filters={{ kind, year, step }}
        years={years}
        canManage={can(req.actor, "meeting.manage", { tambonId: tambon.id })}
      />,
    );
  });

  app.get<{ Params: { id: string } }>("/meetings/:id", async (req, reply) => {
    const tambon = tambonFor(req, "tambon.read");
    const found = await keptMeeting(db, tambon.id, requireId(req.params.id));
    const meeting = assertVisible(req, found?.meeting);
    return reply.page(meetingTitle(meeting, req.lang), await meetingPage(req, found!, emptyForm()));
  });

  app.post<{ Params: { id: string } }>("/meetings/:id/signin", async (req, reply) => {
    const tambon = tambonFor(req, "attendance.self");
    const found = await keptMeeting(db, tambon.id, requireId(req.params.id));
    const meeting = assertVisible(req, found?.meeting);
    const body = formBody(req);
    const result = await selfSignIn(db, req.actor, tambon.id, meeting.id, body.code ?? "");
    const t = msg.t(req.lang);
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/meetings/${meeting.id}#h-sign`,
        t("attend.signedIn"),
      );
    // A refused sign-in changed none of the meeting's records (a wrong code is only audited):
    // the page is shown again from the same kept value.
    const form = failedForm(body, result.errors, req.lang, msg);
    return reply.page(meetingTitle(meeting, req.lang), await meetingPage(req, found!, form), {
      status: 422,
    });
  });
}
