import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { requireId } from "../../../core/params.ts";
import { tambonTitle } from "../../../core/views/layout.tsx";
import { msg } from "../messages.ts";
import { agendaOf, getMeeting, type MeetingRow } from "../meetings/queries.ts";
import { resolutionsOf } from "../resolutions/queries.ts";
import { villagesOf } from "../shared/queries.ts";
import { bangkokDay } from "../meetings/meeting.ts";
import { renderCalendar, type IcsEvent } from "../meetings/ics.ts";
import { meetingTitle } from "../shared/views.tsx";
import { assertVisible, isOrganiser, tambonFor } from "../shared/helpers.ts";
import { sendDownload } from "../../../core/download.ts";
import { tableRoutes } from "../../../core/table-export.ts";

import { attendanceCount, attendanceCounts } from "../attendance/queries.ts";
import { latestMeetings } from "./queries.ts";
import { pick } from "../../../core/pick.ts";
/** Meetings for other programs: calendar feeds (ICS), the CSV list and one meeting as JSON. */
export async function meetingExportRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  const absolute = (req: FastifyRequest, path: string) => `${req.protocol}://${req.host}${path}`;

  function icsEvent(req: FastifyRequest, slug: string, m: MeetingRow, lang: "th" | "en"): IcsEvent {
    const t = msg.t(lang);
    return {
      uid: `meeting-${m.id}@${slug}.tambon`,
      start: m.startsAt,
      end: m.endsAt,
      summary: meetingTitle(m, lang),
      description: [t(`mkind.${m.kind}`), m.organiser, m.descriptionTh].filter(Boolean).join("\n"),
      location: m.place,
      url: absolute(req, `/t/${slug}/meetings/${m.id}`),
      status:
        m.status === "cancelled" ? "CANCELLED" : m.status === "held" ? "CONFIRMED" : "TENTATIVE",
      sequence: m.revision,
      stamp: m.updatedAt,
      categories: [t(`mkind.${m.kind}`)],
    };
  }

  app.get("/meetings/calendar.ics", async (req, reply) => {
    const tambon = tambonFor(req, "tambon.read");
    const rows = await latestMeetings(db, tambon.id, false, 500);
    const body = renderCalendar({
      name: `${tambonTitle(tambon, req.lang)} · ${msg.t(req.lang)("meetings.title")}`,
      events: rows.map((m) => icsEvent(req, tambon.slug, m, req.lang)),
    });
    return sendDownload(reply, {
      type: "ics",
      name: `${tambon.slug}-meetings.ics`,
      body,
      inline: true,
      cache: "public, max-age=300",
    });
  });

  tableRoutes(app, "/meetings/export", async (req) => {
    const tambon = tambonFor(req, "tambon.read");
    const t = msg.t(req.lang);
    const organiser = isOrganiser(req, tambon.id);
    const rows = await latestMeetings(db, tambon.id, organiser, 10_000);
    const byMeeting = await attendanceCounts(db, tambon.id);
    return {
      file: `${tambon.slug}-meetings`,
      columns: [
        "id",
        "date",
        "start",
        "kind",
        "step",
        "title",
        "place",
        "organiser",
        "status",
        "attendance",
        "quorum_met",
        "url",
      ],
      rows: rows.map((m) => [
        m.id,
        bangkokDay(m.startsAt),
        m.startsAt.toISOString(),
        t(`mkind.${m.kind}`),
        m.step,
        meetingTitle(m, req.lang),
        m.place,
        m.organiser,
        t(`status.${m.status}`),
        byMeeting.get(m.id) ?? 0,
        m.quorumMet === null ? "" : m.quorumMet ? "yes" : "no",
        absolute(req, `/t/${tambon.slug}/meetings/${m.id}`),
      ]),
    };
  });

  app.get<{ Params: { id: string } }>("/meetings/:id/calendar.ics", async (req, reply) => {
    const tambon = tambonFor(req, "tambon.read");
    const meeting = assertVisible(req, await getMeeting(db, tambon.id, requireId(req.params.id)));
    const body = renderCalendar({
      name: tambonTitle(tambon, req.lang),
      events: [icsEvent(req, tambon.slug, meeting, req.lang)],
    });
    return sendDownload(reply, { type: "ics", name: `meeting-${meeting.id}.ics`, body });
  });

  app.get<{ Params: { id: string } }>("/meetings/:id/export.json", async (req, reply) => {
    const tambon = tambonFor(req, "tambon.read");
    const meeting = assertVisible(req, await getMeeting(db, tambon.id, requireId(req.params.id)));
    const organiser = isOrganiser(req, tambon.id);
    const showMinutes = !!meeting.minutesConfirmedAt || organiser;
    const [agenda, res, villages, count] = await Promise.all([
      agendaOf(db, tambon.id, meeting.id),
      resolutionsOf(db, tambon.id, meeting.id),
      villagesOf(db, tambon.id),
      attendanceCount(db, tambon.id, meeting.id),
    ]);
    const moo = new Map(villages.map((v) => [v.id, v.moo]));
    return reply.header("content-type", "application/json; charset=utf-8").send({
      id: meeting.id,
      url: absolute(req, `/t/${tambon.slug}/meetings/${meeting.id}`),
      tambon: tambon.slug,
      kind: meeting.kind,
      step: meeting.step,
      title: { th: meeting.titleTh, en: meeting.titleEn },
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt?.toISOString() ?? null,
      ...pick(meeting, "place", "organiser", "status"),
      minutesConfirmedAt: meeting.minutesConfirmedAt?.toISOString() ?? null,
      attendance: count,
      quorum: meeting.quorum
        ? {
            ...pick(meeting.quorum, "met", "minPerVillage", "villagesRequired", "villagesMet"),
            villages: meeting.quorum.villages.map((v) => ({
              moo: moo.get(v.villageId) ?? null,
              present: v.present,
              met: v.met,
            })),
          }
        : null,
      agenda: agenda.map((a) => ({
        position: a.position,
        title: { th: a.titleTh, en: a.titleEn },
        minutes: showMinutes ? a.minutesTh : null,
      })),
      resolutions: showMinutes
        ? res.map((r) => ({
            id: r.id,
            number: r.number,
            text: { th: r.textTh, en: r.textEn },
            method: r.method,
            votes:
              r.votesFor === null
                ? null
                : { for: r.votesFor, against: r.votesAgainst, abstain: r.votesAbstain },
            ...pick(r, "outcome", "quorumMet", "correctsId"),
          }))
        : null,
    });
  });
}
