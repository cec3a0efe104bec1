import type { FastifyInstance, FastifyRequest } from "fastify";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { ModuleDeps } from "../../../core/modules.ts";
import { authorize, currentTambon, formBody } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { parseDay, parseId, parsePage, requireId } from "../../../core/params.ts";
import { can } from "../../../core/policy.ts";
import { formatDate, todayIso } from "../../../core/dates.ts";
import { emptyForm, type FormState } from "../../../core/views/form.tsx";
import { tambonTitle } from "../../../core/views/layout.tsx";
import { getArea, listAreas } from "../../areas/public.ts";
import { msg } from "../messages.ts";
import { attendances, groupMemberships, meetings, resolutions, workGroups } from "../schema.ts";
import {
  agendaOf,
  attendanceOf,
  coverage,
  fileBytes,
  filesOf,
  getFileInfo,
  getGroup,
  getMeeting,
  getResolutionRow,
  groupHistory,
  listGroups,
  listMeetings,
  resolutionsOf,
  termsOfVillage,
  villagesOf,
  votesOf,
  type MeetingRow,
} from "../queries.ts";
import { getResolution } from "../public.ts";
import { sectionsOn } from "../../../core/install.ts";
import { bangkokDay, isMeetingKind, STEPS, type Step } from "../meeting.ts";
import { renderCalendar, type IcsEvent } from "../ics.ts";
import { selfSignIn } from "../commands/attendance.ts";
import { GroupList, GroupPage, groupName } from "../views/groups.tsx";
import { RepsPage } from "../views/reps.tsx";
import { MeetingList, MeetingPage, ProcessPage } from "../views/meetings.tsx";
import { ResolutionPage, type LinkView } from "../views/resolutions.tsx";
import { meetingTitle, villageLabel } from "../views/common.tsx";
import { assertVisible, isOrganiser, query, toId } from "./helpers.ts";
import { disposition, sendDownload } from "../../../core/download.ts";
import { toCsv } from "../../../core/csv.ts";
import { failedForm } from "../../../core/views/form.tsx";

/** Upcoming meetings listed above the pages of past ones (all of them, in practice). */
const UPCOMING_SHOWN = 50;

/** The public pages: meetings, groups, representatives, the three steps, resolutions, calendars. */
export async function publicRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
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

  app.get("/meetings", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "tambon.read", { tambonId: tambon.id });
    const q = query(req);
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
      db
        .selectDistinct({
          y: sql<number>`extract(year from ${meetings.startsAt} at time zone 'Asia/Bangkok')::int`,
        })
        .from(meetings)
        .where(eq(meetings.tambonId, tambon.id))
        .orderBy(desc(sql`1`)),
    ]);
    return reply.page(
      msg.t(req.lang)("meetings.title"),
      <MeetingList
        upcoming={upcoming}
        list={past}
        filters={{ kind, year, step }}
        years={years.map((y) => Number(y.y))}
        canManage={can(req.actor, "meeting.manage", { tambonId: tambon.id })}
      />,
    );
  });

  app.get("/meetings/calendar.ics", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "tambon.read", { tambonId: tambon.id });
    const rows = await db
      .select()
      .from(meetings)
      .where(and(eq(meetings.tambonId, tambon.id), eq(meetings.isPublic, true)))
      .orderBy(desc(meetings.startsAt))
      .limit(500);
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

  app.get("/meetings/export.csv", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "tambon.read", { tambonId: tambon.id });
    const t = msg.t(req.lang);
    const organiser = isOrganiser(req, tambon.id);
    const rows = await db
      .select()
      .from(meetings)
      .where(
        and(eq(meetings.tambonId, tambon.id), organiser ? undefined : eq(meetings.isPublic, true)),
      )
      .orderBy(desc(meetings.startsAt))
      .limit(10_000);
    const counts = await db
      .select({ meetingId: attendances.meetingId, n: sql<number>`count(*)::int` })
      .from(attendances)
      .where(eq(attendances.tambonId, tambon.id))
      .groupBy(attendances.meetingId);
    const byMeeting = new Map(counts.map((c) => [c.meetingId, Number(c.n)]));
    const out = toCsv(
      [
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
      rows.map((m) => [
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
    );
    return sendDownload(reply, { type: "csv", name: `${tambon.slug}-meetings.csv`, body: out });
  });

  async function meetingPage(req: FastifyRequest, meeting: MeetingRow, signForm: FormState) {
    const tambon = currentTambon(req);
    const organiser = isOrganiser(req, tambon.id);
    const [agenda, res, attendance, villages, groups, files] = await Promise.all([
      agendaOf(db, tambon.id, meeting.id),
      resolutionsOf(db, tambon.id, meeting.id),
      attendanceOf(db, tambon.id, meeting.id),
      villagesOf(db, tambon.id),
      db
        .select()
        .from(workGroups)
        .where(eq(workGroups.tambonId, tambon.id))
        .orderBy(asc(workGroups.id)),
      filesOf(db, tambon.id, meeting.id),
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

  app.get<{ Params: { id: string } }>("/meetings/:id", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "tambon.read", { tambonId: tambon.id });
    const meeting = assertVisible(req, await getMeeting(db, tambon.id, requireId(req.params.id)));
    return reply.page(
      meetingTitle(meeting, req.lang),
      await meetingPage(req, meeting, emptyForm()),
    );
  });

  app.post<{ Params: { id: string } }>("/meetings/:id/signin", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "attendance.self", { tambonId: tambon.id });
    const meeting = assertVisible(req, await getMeeting(db, tambon.id, requireId(req.params.id)));
    const body = formBody(req);
    const result = await selfSignIn(db, req.actor, tambon.id, meeting.id, body.code ?? "");
    const t = msg.t(req.lang);
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/meetings/${meeting.id}#h-sign`,
        t("attend.signedIn"),
      );
    const form = failedForm(body, result.errors, req.lang, msg);
    return reply.page(meetingTitle(meeting, req.lang), await meetingPage(req, meeting, form), {
      status: 422,
    });
  });

  app.get<{ Params: { id: string } }>("/meetings/:id/calendar.ics", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "tambon.read", { tambonId: tambon.id });
    const meeting = assertVisible(req, await getMeeting(db, tambon.id, requireId(req.params.id)));
    const body = renderCalendar({
      name: tambonTitle(tambon, req.lang),
      events: [icsEvent(req, tambon.slug, meeting, req.lang)],
    });
    return sendDownload(reply, { type: "ics", name: `meeting-${meeting.id}.ics`, body });
  });

  app.get<{ Params: { id: string } }>("/meetings/:id/export.json", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "tambon.read", { tambonId: tambon.id });
    const meeting = assertVisible(req, await getMeeting(db, tambon.id, requireId(req.params.id)));
    const organiser = isOrganiser(req, tambon.id);
    const showMinutes = !!meeting.minutesConfirmedAt || organiser;
    const [agenda, res, villages, count] = await Promise.all([
      agendaOf(db, tambon.id, meeting.id),
      resolutionsOf(db, tambon.id, meeting.id),
      villagesOf(db, tambon.id),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(attendances)
        .where(and(eq(attendances.tambonId, tambon.id), eq(attendances.meetingId, meeting.id))),
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
      place: meeting.place,
      organiser: meeting.organiser,
      status: meeting.status,
      minutesConfirmedAt: meeting.minutesConfirmedAt?.toISOString() ?? null,
      attendance: Number(count[0]?.n ?? 0),
      quorum: meeting.quorum
        ? {
            met: meeting.quorum.met,
            minPerVillage: meeting.quorum.minPerVillage,
            villagesRequired: meeting.quorum.villagesRequired,
            villagesMet: meeting.quorum.villagesMet,
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
            outcome: r.outcome,
            quorumMet: r.quorumMet,
            correctsId: r.correctsId,
          }))
        : null,
    });
  });

  app.get<{ Params: { id: string } }>("/meeting-files/:id", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "tambon.read", { tambonId: tambon.id });
    const info = await getFileInfo(db, tambon.id, requireId(req.params.id));
    if (!info) throw notFound();
    const meeting = assertVisible(req, await getMeeting(db, tambon.id, info.meetingId));
    const thumb = query(req).thumb === "1" && info.kind === "photo";
    const data = await fileBytes(db, tambon.id, info.id, thumb);
    if (!data) throw notFound();
    const inline = info.kind === "photo" || info.mime === "application/pdf";
    return reply
      .header("content-type", thumb ? "image/webp" : info.mime)
      .header(
        "content-disposition",
        disposition(inline ? "inline" : "attachment", thumb ? `${info.name}.webp` : info.name),
      )
      .header("cache-control", meeting.isPublic ? "public, max-age=86400" : "private, no-store")
      .header("content-security-policy", "default-src 'none'; sandbox")
      .send(data);
  });

  app.get<{ Params: { id: string } }>("/resolutions/:id", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "tambon.read", { tambonId: tambon.id });
    const row = await getResolutionRow(db, tambon.id, requireId(req.params.id));
    if (!row) throw notFound();
    const meeting = assertVisible(req, await getMeeting(db, tambon.id, row.meetingId));
    const organiser = isOrganiser(req, tambon.id);
    if (!meeting.minutesConfirmedAt && !organiser) throw notFound();
    const r = (await getResolution(db, tambon.id, row.id))!;
    const t = msg.t(req.lang);
    const [villages, votes] = await Promise.all([
      villagesOf(db, tambon.id),
      votesOf(db, tambon.id, row.id),
    ]);
    const moo = new Map(villages.map((v) => [v.id, v.moo]));
    const links: LinkView[] = [];
    const membershipIds = r.links
      .filter((l) => l.targetType === "group_membership")
      .map((l) => l.targetId);
    const members = membershipIds.length
      ? await db
          .select({ m: groupMemberships, g: workGroups })
          .from(groupMemberships)
          .innerJoin(workGroups, eq(workGroups.id, groupMemberships.groupId))
          .where(
            and(
              eq(groupMemberships.tambonId, tambon.id),
              inArray(groupMemberships.id, membershipIds),
            ),
          )
      : [];
    for (const l of r.links) {
      if (l.targetType === "group_membership") {
        const x = members.find((mm) => mm.m.id === l.targetId);
        if (x)
          links.push({
            href: `/t/${tambon.slug}/groups/${x.g.id}`,
            label: t("res.link.group_membership", {
              name: x.m.name,
              position: t(`pos.${x.m.position}`),
              group: groupName(x.g, req.lang),
            }),
          });
      } else if (l.targetType === "work_group") {
        const g = await getGroup(db, tambon.id, l.targetId);
        if (g)
          links.push({
            href: `/t/${tambon.slug}/groups/${g.id}`,
            label: t("res.link.work_group", { group: groupName(g, req.lang) }),
          });
      } else {
        links.push({
          href: null,
          label: t("res.link.other", { type: l.targetType, id: l.targetId }),
        });
      }
    }
    return reply.page(
      t("res.title", { n: r.number }),
      <ResolutionPage
        r={r}
        meetingTitle={meetingTitle(meeting, req.lang)}
        villages={villages}
        links={links}
        votes={
          organiser
            ? votes.map((v) => ({
                name: v.name,
                choice: v.choice,
                moo: v.villageId ? (moo.get(v.villageId) ?? null) : null,
              }))
            : null
        }
        correctionReason={row.correctionReason}
        canCorrect={
          !!meeting.minutesConfirmedAt &&
          can(req.actor, "resolution.record", { tambonId: tambon.id })
        }
      />,
    );
  });

  app.get("/groups", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "tambon.read", { tambonId: tambon.id });
    const [groups, areas] = await Promise.all([
      listGroups(db, tambon.id, todayIso()),
      listAreas(db, tambon.id),
    ]);
    return reply.page(
      msg.t(req.lang)("groups.title"),
      <GroupList
        groups={groups}
        areas={areas}
        canManage={can(req.actor, "group.manage", { tambonId: tambon.id })}
      />,
    );
  });

  app.get<{ Params: { id: string } }>("/groups/:id", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "tambon.read", { tambonId: tambon.id });
    const group = await getGroup(db, tambon.id, requireId(req.params.id));
    if (!group) throw notFound();
    const today = todayIso();
    const on = parseDay(query(req).on) ?? today;
    const organiser = isOrganiser(req, tambon.id);
    const [history, held, area] = await Promise.all([
      groupHistory(db, tambon.id, group.id),
      db
        .select()
        .from(meetings)
        .where(
          and(
            eq(meetings.tambonId, tambon.id),
            sql`(${meetings.groupId} = ${group.id} or ${group.id} = any(${meetings.invitedGroupIds}))`,
            organiser ? undefined : eq(meetings.isPublic, true),
          ),
        )
        .orderBy(desc(meetings.startsAt))
        .limit(50),
      group.areaId ? getArea(db, tambon.id, group.areaId) : Promise.resolve(undefined),
    ]);
    return reply.page(
      groupName(group, req.lang),
      <GroupPage
        group={group}
        area={area ?? null}
        history={history}
        day={on}
        today={today}
        meetings={held}
        canManage={can(req.actor, "group.manage", { tambonId: tambon.id })}
      />,
    );
  });

  app.get<{ Params: { id: string } }>("/groups/:id/members.csv", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "tambon.read", { tambonId: tambon.id });
    const group = await getGroup(db, tambon.id, requireId(req.params.id));
    if (!group) throw notFound();
    const t = msg.t(req.lang);
    const history = await groupHistory(db, tambon.id, group.id);
    const out = toCsv(
      [
        "name",
        "position",
        "pillar",
        "moo",
        "task",
        "start_on",
        "end_on",
        "join_reason",
        "leave_reason",
        "resolution_id",
      ],
      history.map((m) => [
        m.name,
        t(`pos.${m.position}`),
        m.pillar,
        m.moo,
        m.task,
        m.startOn,
        m.endOn,
        m.joinReason,
        m.leaveReason,
        m.resolutionId,
      ]),
    );
    return sendDownload(reply, { type: "csv", name: `group-${group.id}-members.csv`, body: out });
  });

  app.get("/representatives", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "tambon.read", { tambonId: tambon.id });
    const q = query(req);
    const today = todayIso();
    const on = parseDay(q.on) ?? today;
    const villageId = toId(q.village);
    const rows = await coverage(db, tambon.id, on, tambon.minRepsPerVillage);
    const village = villageId
      ? (rows.find((r) => r.village.id === villageId)?.village ?? null)
      : null;
    if (villageId && !village) throw notFound();
    const terms = village ? await termsOfVillage(db, tambon.id, village.id) : [];
    return reply.page(
      village
        ? msg.t(req.lang)("reps.ofVillage", { village: villageLabel(village, req.lang) })
        : msg.t(req.lang)("reps.title"),
      <RepsPage
        rows={rows}
        min={tambon.minRepsPerVillage}
        day={on}
        today={today}
        village={village}
        terms={terms}
        canManage={can(req.actor, "rep.manage", { tambonId: tambon.id })}
      />,
    );
  });

  app.get("/representatives/export.csv", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "tambon.read", { tambonId: tambon.id });
    const on = parseDay(query(req).on) ?? todayIso();
    const [rows, terms] = await Promise.all([
      coverage(db, tambon.id, on, tambon.minRepsPerVillage),
      termsOfVillage(db, tambon.id, null),
    ]);
    const current = terms.filter((x) => x.startOn <= on && (x.endOn === null || x.endOn >= on));
    const out = toCsv(
      [
        "moo",
        "village",
        "in_office",
        "minimum",
        "missing",
        "name",
        "term_start",
        "term_end",
        "chosen_by",
      ],
      rows.flatMap((r) => {
        const people = current.filter((x) => x.villageId === r.village.id);
        const head = [
          r.village.moo,
          r.village.nameTh,
          r.inOffice,
          tambon.minRepsPerVillage,
          r.missing,
        ];
        return people.length
          ? people.map((p) => [...head, p.name, p.startOn, p.endOn, p.chosenBy])
          : [[...head, "", "", "", ""]];
      }),
    );
    return sendDownload(reply, {
      type: "csv",
      name: `${tambon.slug}-representatives-${on}.csv`,
      body: out,
    });
  });

  app.get("/process", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "tambon.read", { tambonId: tambon.id });
    const organiser = isOrganiser(req, tambon.id);
    const t = msg.t(req.lang);
    const base = `/t/${tambon.slug}`;
    const [all, adopted, groups] = await Promise.all([
      db
        .select()
        .from(meetings)
        .where(
          and(
            eq(meetings.tambonId, tambon.id),
            organiser ? undefined : eq(meetings.isPublic, true),
          ),
        )
        .orderBy(asc(meetings.startsAt))
        .limit(2000),
      db
        .select({ r: resolutions, step: meetings.step, startsAt: meetings.startsAt })
        .from(resolutions)
        .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
        .where(
          and(
            eq(resolutions.tambonId, tambon.id),
            eq(resolutions.outcome, "adopted"),
            eq(meetings.isPublic, true),
            sql`${meetings.minutesConfirmedAt} is not null`,
          ),
        )
        .orderBy(desc(meetings.startsAt), asc(resolutions.number))
        .limit(300),
      listGroups(db, tambon.id, todayIso()),
    ]);
    const extra = await Promise.all(
      sectionsOn("groups.process").map(async (s) => ({
        step: s.slot,
        items: await s.load(db, tambon.id, req.lang, null),
      })),
    );
    const steps = STEPS.map((step: Step) => {
      const ms = all.filter((m) => m.step === step);
      const outputs = [
        ...adopted
          .filter((a) => a.step === step && !adopted.some((b) => b.r.correctsId === a.r.id))
          .slice(0, 15)
          .map((a) => ({
            href: `${base}/resolutions/${a.r.id}`,
            title: a.r.textTh.length > 140 ? `${a.r.textTh.slice(0, 140)}…` : a.r.textTh,
            meta: `${t("res.title", { n: a.r.number })} · ${formatDate(bangkokDay(a.startsAt), req.lang)}`,
          })),
        ...(step === 2
          ? groups.map((g) => ({
              href: `${base}/groups/${g.id}`,
              title: t("process.groupFormed", { name: groupName(g, req.lang) }),
              meta: t("groups.membersN", { n: g.members }),
            }))
          : []),
        ...extra.filter((e) => e.step === step).flatMap((e) => e.items),
      ];
      return { step, meetings: ms.slice(-20).reverse(), outputs };
    });
    return reply.page(t("process.title"), <ProcessPage steps={steps} />);
  });
}
