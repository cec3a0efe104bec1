import { and, eq, inArray } from "drizzle-orm";
import sharp from "sharp";
import type { Tx } from "../../core/db/index.ts";
import type { DemoPeople } from "../../core/modules.ts";
import type { Tambon } from "../../core/tenancy.ts";
import { audit } from "../../core/audit.ts";
import { putFile } from "../../core/file-store.ts";
import { todayIso } from "../../core/dates.ts";
import { tambonMembers, users, villages } from "../../core/db/schema.ts";
import { listAreas } from "../areas/public.ts";
import {
  agendaItems,
  attendances,
  groupMemberships,
  meetingFiles,
  meetings,
  nominations,
  resolutionLinks,
  resolutions,
  villageRepTerms,
  workGroups,
} from "./schema.ts";
import { defaultPillars, type Position } from "./groups/group.ts";
import {
  bangkokInstant,
  nameKey,
  type AttendeeRole,
  type MeetingKind,
  type Step,
} from "./meetings/meeting.ts";
import type { MeetingRow } from "./meetings/queries.ts";
import { newSigninCode, refreshQuorum } from "./meetings/commands.ts";

/** The ISO date n days before (negative: after) today in Bangkok. */
function daysAgo(n: number): string {
  const d = new Date(`${todayIso()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

/** A made-up photo (coloured shapes, no text) as JPEG, for the demo galleries. */
async function demoPhoto(seed: number, width: number, height: number): Promise<Buffer> {
  const hue = (seed * 67) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue},55%,78%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},45%,45%)"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/>
<rect x="0" y="${height * 0.62}" width="${width}" height="${height * 0.38}" fill="hsl(${(hue + 180) % 360},25%,35%)"/>
${Array.from({ length: 9 }, (_, i) => `<circle cx="${(width / 10) * (i + 1)}" cy="${height * 0.58}" r="${height * 0.06}" fill="hsl(${(hue + i * 20) % 360},40%,30%)"/><rect x="${(width / 10) * (i + 1) - height * 0.06}" y="${height * 0.63}" width="${height * 0.12}" height="${height * 0.2}" rx="${height * 0.03}" fill="hsl(${(hue + i * 20) % 360},45%,40%)"/>`).join("")}
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 70 }).toBuffer();
}

/** Demo content of the module for one demo tambon: terms, groups, meetings, attendance, minutes. */
export async function seedGroupsDemo(tx: Tx, tambon: Tambon, people: DemoPeople): Promise<void> {
  const tambonId = tambon.id;
  const vs = await tx
    .select()
    .from(villages)
    .where(eq(villages.tambonId, tambonId))
    .orderBy(villages.moo);
  const repIds = [...new Set(people.byRole.village_rep ?? [])];
  const personRows = await tx
    .select({ id: users.id, name: users.name, villageId: tambonMembers.villageId })
    .from(users)
    .innerJoin(
      tambonMembers,
      and(eq(tambonMembers.userId, users.id), eq(tambonMembers.tambonId, tambonId)),
    )
    .where(inArray(users.id, [...repIds, ...Object.values(people.byRole).flat()]));
  const person = new Map(personRows.map((p) => [p.id, p]));
  const pillars = defaultPillars();
  const areas = await listAreas(tx, tambonId);
  const first = (role: string) => person.get(people.byRole[role]?.[0] ?? -1);
  const wg = first("working_group");
  const facilitator = first("facilitator");
  const admin = first("admin");
  const osm = first("health_volunteer");
  const members = (people.byRole.member ?? []).map((id) => person.get(id)!).filter(Boolean);
  const demoMembers = members.filter((m) => !(people.byRole.village_rep ?? []).includes(m.id));

  // Representatives' terms: every demo representative since about 13 months ago.
  const termStart = daysAgo(400);
  const terms = repIds
    .map((id) => person.get(id))
    .filter((p): p is NonNullable<typeof p> => !!p && p.villageId !== null)
    .map((p) => ({
      tambonId,
      villageId: p.villageId!,
      userId: p.id,
      startOn: termStart,
      chosenBy: "ที่ประชุมหมู่บ้านคัดเลือก (สาธิต)",
    }));
  if (terms.length) await tx.insert(villageRepTerms).values(terms);
  // A past term (a former representative) and, outside La-ngu, a gap in the last village.
  if (demoMembers[1]?.villageId) {
    await tx.insert(villageRepTerms).values({
      tambonId,
      villageId: demoMembers[1].villageId,
      userId: demoMembers[1].id,
      startOn: daysAgo(1200),
      endOn: daysAgo(401),
      chosenBy: "ที่ประชุมหมู่บ้านคัดเลือก (สาธิต)",
      endReason: "ครบวาระ",
    });
  }
  if (tambon.slug !== "la-ngu" && vs.length) {
    const last = vs[vs.length - 1]!;
    const [term] = terms.filter((x) => x.villageId === last.id).slice(-1);
    if (term)
      await tx
        .update(villageRepTerms)
        .set({ endOn: daysAgo(30), endReason: "ลาออก (สาธิต)" })
        .where(
          and(eq(villageRepTerms.tambonId, tambonId), eq(villageRepTerms.userId, term.userId)),
        );
  }

  // Groups: the central working group and an issue team per the first two issue areas.
  const [central] = await tx
    .insert(workGroups)
    .values({
      tambonId,
      kind: "central",
      nameTh: "คณะทำงานกลาง (สาธิต)",
      nameEn: "Central working group (demo)",
      purposeTh:
        "ประมวลผล ประสานภาคส่วนที่เกี่ยวข้องในแต่ละประเด็น และขับเคลื่อนการจัดทำธรรมนูญสุขภาพและแผนพัฒนาแบบมีส่วนร่วม",
      purposeEn:
        "Processes the issues, coordinates the sectors involved and drives the health charter and plan.",
      formedOn: daysAgo(120),
    })
    .returning();
  const teams = [];
  for (const [i, area] of areas.slice(0, 2).entries()) {
    const [team] = await tx
      .insert(workGroups)
      .values({
        tambonId,
        kind: "issue_team",
        nameTh: `ทีมประเด็น${area.nameTh} (สาธิต)`,
        nameEn: area.nameEn ? `${area.nameEn} team (demo)` : "",
        purposeTh: "สมาชิกปรับเปลี่ยนไปตามประเด็นและภารกิจ",
        areaId: area.id,
        formedOn: daysAgo(90 - i * 10),
      })
      .returning();
    teams.push(team!);
  }

  const insertMeeting = async (m: {
    kind: MeetingKind;
    step: Step;
    titleTh: string;
    titleEn: string;
    day: string;
    start: string;
    end: string;
    place: string;
    organiser: string;
    groupId?: number | null;
    areaId?: number | null;
    invitedGroupIds?: number[];
    isPublic?: boolean;
    status: MeetingRow["status"];
    quorum?: boolean;
    descriptionTh?: string;
  }) => {
    const [row] = await tx
      .insert(meetings)
      .values({
        tambonId,
        kind: m.kind,
        step: m.step,
        titleTh: m.titleTh,
        titleEn: m.titleEn,
        descriptionTh: m.descriptionTh ?? "",
        startsAt: bangkokInstant(m.day, m.start),
        endsAt: bangkokInstant(m.day, m.end),
        place: m.place,
        organiser: m.organiser,
        groupId: m.groupId ?? null,
        areaId: m.areaId ?? null,
        invitedGroupIds: m.invitedGroupIds ?? [],
        status: m.status,
        isPublic: m.isPublic ?? true,
        quorumMinPerVillage: m.quorum ? tambon.minRepsPerVillage : null,
        signinCode: newSigninCode(),
      })
      .returning();
    return row!;
  };
  const agenda = async (meetingId: number, items: [string, string][]) =>
    tx
      .insert(agendaItems)
      .values(
        items.map(([titleTh, minutesTh], i) => ({
          tambonId,
          meetingId,
          position: i + 1,
          titleTh,
          minutesTh,
        })),
      )
      .returning();
  const attend = async (
    meetingId: number,
    list: { userId?: number | null; name: string; villageId: number | null; role: AttendeeRole }[],
  ) => {
    if (!list.length) return [];
    return tx
      .insert(attendances)
      .values(
        list.map((a) => ({
          tambonId,
          meetingId,
          userId: a.userId ?? null,
          name: a.name,
          nameKey: nameKey(a.name),
          villageId: a.villageId,
          role: a.role,
          recordedBy: facilitator?.id ?? null,
        })),
      )
      .returning();
  };
  const confirm = async (m: MeetingRow) => {
    await refreshQuorum(tx, m);
    await tx
      .update(meetings)
      .set({
        minutesConfirmedAt: new Date(m.startsAt.getTime() + 7 * 86_400_000),
        minutesConfirmedBy: facilitator?.id ?? null,
      })
      .where(eq(meetings.id, m.id));
  };
  const staff = (p: typeof wg, role: AttendeeRole) =>
    p ? [{ userId: p.id, name: p.name, villageId: p.villageId, role }] : [];
  const organiser = tambon.kind === "sao" ? `อบต.${tambon.nameTh}` : `เทศบาลตำบล${tambon.nameTh}`;
  const hall = `ห้องประชุม${organiser} (สาธิต)`;

  // 1. Briefing (step 1): led by the local government with the health unit and religious leaders.
  const briefing = await insertMeeting({
    kind: "briefing",
    step: 1,
    titleTh: "ประชุมชี้แจงการพัฒนานโยบายสาธารณะแบบมีส่วนร่วม (สาธิต)",
    titleEn: "Briefing on participatory public policy (demo)",
    day: daysAgo(150),
    start: "09:00",
    end: "12:00",
    place: hall,
    organiser,
    status: "held",
    descriptionTh:
      "นายก อบต. ผอ.รพ.สต. ผู้นำศาสนา ตัวแทนท้องที่ อสม. และจิตอาสา ร่วมกำหนดแนวทางการจัดทำธรรมนูญสุขภาพ",
  });
  const briefingAgenda = await agenda(briefing.id, [
    ["ประธานแจ้งให้ทราบ", "ประธานแจ้งที่มาของการจัดทำธรรมนูญสุขภาพตำบล (สาธิต)"],
    ["แนวทางการจัดทำธรรมนูญสุขภาพ", "ที่ประชุมร่วมกันกำหนดแนวทางและเสนอตัวแทนจิตอาสาทำหน้าที่ประสานงาน (สาธิต)"],
  ]);
  await attend(briefing.id, [
    ...staff(admin, "local_government"),
    ...staff(facilitator, "facilitator"),
    ...staff(wg, "working_group"),
    ...staff(osm, "health_volunteer"),
    { name: "ผอ.รพ.สต. (สาธิต)", villageId: null, role: "health_staff" },
    { name: "อิหม่ามประจำมัสยิด (สาธิต)", villageId: vs[0]?.id ?? null, role: "religious_leader" },
    { name: "เจ้าอาวาสวัด (สาธิต)", villageId: vs[1]?.id ?? null, role: "religious_leader" },
  ]);
  await tx.insert(resolutions).values({
    tambonId,
    meetingId: briefing.id,
    agendaItemId: briefingAgenda[1]!.id,
    number: 1,
    textTh: "เห็นชอบแนวทางการจัดทำธรรมนูญสุขภาพ และให้ประชุมตัวแทนหมู่บ้านทุกหมู่บ้านเพื่อให้ความเห็นชอบ (สาธิต)",
    textEn:
      "Agreed the approach to the health charter and to convene the representatives of every village (demo)",
    method: "consensus",
    outcome: "adopted",
    recordedBy: facilitator?.id ?? null,
  });
  await confirm(briefing);

  // 2. Village assembly (step 2): representatives of every village approve and nominate.
  const assembly = await insertMeeting({
    kind: "village_assembly",
    step: 2,
    titleTh: `ประชุมตัวแทน ${vs.length} หมู่บ้าน ให้ความเห็นชอบการบูรณาการการพัฒนา (สาธิต)`,
    titleEn: `Assembly of the representatives of ${vs.length} villages (demo)`,
    day: daysAgo(120),
    start: "09:00",
    end: "15:00",
    place: hall,
    organiser,
    status: "held",
    quorum: true,
    invitedGroupIds: [],
  });
  const assemblyAgenda = await agenda(assembly.id, [
    ["การบูรณาการการพัฒนา", "ลดความซ้ำซ้อน กระจายผลประโยชน์ และการมีส่วนร่วมอย่างครอบคลุม (สาธิต)"],
    ["เสนอรายชื่อคณะทำงานกลาง", "ที่ประชุมเสนอรายชื่อผู้แทนจากภาคส่วนต่าง ๆ (สาธิต)"],
    ["ประเด็นการพัฒนา", "ชี้เป้าหมายประเด็นการพัฒนาที่จะดำเนินการ (สาธิต)"],
  ]);
  const repsPresent = terms.map((x) => ({
    userId: x.userId,
    name: person.get(x.userId)!.name,
    villageId: x.villageId,
    role: "village_rep" as const,
  }));
  await attend(assembly.id, [
    ...repsPresent,
    ...staff(facilitator, "facilitator"),
    ...staff(admin, "local_government"),
  ]);
  const fresh = await refreshQuorum(tx, assembly);
  await tx.insert(resolutions).values({
    tambonId,
    meetingId: assembly.id,
    agendaItemId: assemblyAgenda[0]!.id,
    number: 1,
    textTh:
      "เห็นชอบการบูรณาการการพัฒนาเพื่อลดความซ้ำซ้อน กระจายผลประโยชน์อย่างเป็นธรรม และการมีส่วนร่วมอย่างกว้างขวาง (สาธิต)",
    textEn:
      "Approved integrating development: less duplication, fair distribution of benefits, broad participation (demo)",
    method: "show_of_hands",
    votesFor: Math.max(0, repsPresent.length - 2),
    votesAgainst: 0,
    votesAbstain: Math.min(2, repsPresent.length),
    outcome: "adopted",
    quorumMet: fresh.quorumMet,
    quorum: fresh.quorum,
    recordedBy: facilitator?.id ?? null,
  });
  const nominees: { p: NonNullable<typeof wg>; position: Position; pillar: string }[] = [];
  if (wg) nominees.push({ p: wg, position: "chair", pillar: pillars[4] ?? "" });
  if (facilitator)
    nominees.push({ p: facilitator, position: "secretary", pillar: pillars[0] ?? "" });
  for (const [i, x] of terms.slice(0, 4).entries())
    nominees.push({
      p: person.get(x.userId)!,
      position: "member",
      pillar: pillars[(i + 1) % pillars.length] ?? "",
    });
  const [res2] = await tx
    .insert(resolutions)
    .values({
      tambonId,
      meetingId: assembly.id,
      agendaItemId: assemblyAgenda[1]!.id,
      number: 2,
      textTh: "เห็นชอบรายชื่อคณะทำงานกลางตามที่ที่ประชุมเสนอ (สาธิต)",
      textEn: "Approved the members of the central working group as nominated (demo)",
      method: "consensus",
      outcome: "adopted",
      quorumMet: fresh.quorumMet,
      quorum: fresh.quorum,
      recordedBy: facilitator?.id ?? null,
    })
    .returning();
  const joined = nominees.length
    ? await tx
        .insert(groupMemberships)
        .values(
          nominees.map((n, i) => ({
            tambonId,
            groupId: central!.id,
            userId: n.p.id,
            name: n.p.name,
            villageId: n.p.villageId,
            pillar: n.pillar,
            position: n.position,
            startOn: daysAgo(120),
            // One member moved away later: the history keeps their period.
            endOn: i === nominees.length - 1 ? daysAgo(30) : null,
            leaveReason: i === nominees.length - 1 ? "ย้ายไปทำงานต่างจังหวัด (สาธิต)" : "",
            resolutionId: res2!.id,
          })),
        )
        .returning()
    : [];
  if (nominees.length) {
    await tx.insert(nominations).values(
      nominees.map((n) => ({
        tambonId,
        groupId: central!.id,
        meetingId: assembly.id,
        userId: n.p.id,
        name: n.p.name,
        villageId: n.p.villageId,
        pillar: n.pillar,
        position: n.position,
        status: "approved" as const,
        resolutionId: res2!.id,
      })),
    );
    await tx.insert(resolutionLinks).values([
      ...joined.map((m) => ({
        tambonId,
        resolutionId: res2!.id,
        targetType: "group_membership",
        targetId: m.id,
      })),
      { tambonId, resolutionId: res2!.id, targetType: "work_group", targetId: central!.id },
    ]);
  }
  for (const [i, size] of [
    [1280, 960],
    [960, 1280],
  ].entries()) {
    const data = await demoPhoto(tambonId * 10 + i, size[0]!, size[1]!);
    const thumb = await sharp(data)
      .resize({ width: 480, height: 480, fit: "inside" })
      .webp({ quality: 72 })
      .toBuffer();
    const name = `assembly-${i + 1}.jpg`;
    const file = await putFile(tx, {
      tambonId,
      kind: "meeting.photo",
      contentType: "image/jpeg",
      data,
      name,
    });
    const thumbFile = await putFile(tx, {
      tambonId,
      kind: "meeting.photo.thumb",
      contentType: "image/webp",
      data: thumb,
      name,
    });
    await tx.insert(meetingFiles).values({
      tambonId,
      meetingId: assembly.id,
      kind: "photo",
      name,
      caption: i === 0 ? "ตัวแทนหมู่บ้านร่วมประชุม (สาธิต)" : "ลงมติเห็นชอบ (สาธิต)",
      mime: "image/jpeg",
      bytes: data.length,
      width: size[0]!,
      height: size[1]!,
      fileId: file.id,
      thumbFileId: thumbFile.id,
    });
  }
  await confirm(assembly);

  // 3. Working-group meeting (step 2).
  const wgMeeting = await insertMeeting({
    kind: "working_group",
    step: 2,
    titleTh: "ประชุมคณะทำงานกลาง ครั้งที่ 1 (สาธิต)",
    titleEn: "Central working group, meeting 1 (demo)",
    day: daysAgo(60),
    start: "13:30",
    end: "16:00",
    place: hall,
    organiser: "คณะทำงานกลาง (สาธิต)",
    groupId: central!.id,
    invitedGroupIds: teams.map((x) => x.id),
    status: "held",
  });
  const wgAgenda = await agenda(wgMeeting.id, [["จัดตั้งทีมประเด็น", "แบ่งทีมตามประเด็นการพัฒนา (สาธิต)"]]);
  await attend(
    wgMeeting.id,
    joined.map((m) => ({
      userId: m.userId,
      name: m.name,
      villageId: m.villageId,
      role: "working_group" as const,
    })),
  );
  await tx.insert(resolutions).values({
    tambonId,
    meetingId: wgMeeting.id,
    agendaItemId: wgAgenda[0]!.id,
    number: 1,
    textTh: "ตั้งทีมประเด็นตามประเด็นการพัฒนา สมาชิกปรับเปลี่ยนได้ตามภารกิจ (สาธิต)",
    method: "consensus",
    outcome: "adopted",
    recordedBy: facilitator?.id ?? null,
  });
  await confirm(wgMeeting);

  // Issue teams: members who join for a task and leave after it.
  for (const [i, team] of teams.entries()) {
    const chair = i === 0 ? osm : wg;
    const helpers = demoMembers.slice(2 + i * 3, 5 + i * 3);
    const rows = [
      ...(chair
        ? [
            {
              p: chair,
              position: "chair" as Position,
              task: "",
              start: team.formedOn,
              end: null as string | null,
              why: "",
            },
          ]
        : []),
      ...helpers.map((h, k) => ({
        p: h,
        position: "member" as Position,
        task: k === 0 ? "สำรวจข้อมูลครัวเรือน (สาธิต)" : k === 1 ? "จัดเวทีคืนข้อมูล (สาธิต)" : "",
        start: k === 1 ? daysAgo(20) : team.formedOn,
        end: k === 0 ? daysAgo(40) : null,
        why: k === 0 ? "ภารกิจสำรวจเสร็จสิ้น (สาธิต)" : "",
      })),
    ];
    if (rows.length)
      await tx.insert(groupMemberships).values(
        rows.map((r) => ({
          tambonId,
          groupId: team.id,
          userId: r.p.id,
          name: r.p.name,
          villageId: r.p.villageId,
          position: r.position,
          task: r.task,
          startOn: r.start,
          endOn: r.end,
          joinReason: r.task ? "มาร่วมภารกิจ (สาธิต)" : "",
          leaveReason: r.why,
        })),
      );
  }

  // 4. Issue-team meeting (step 2), minutes still in draft.
  if (teams[0]) {
    const teamMeeting = await insertMeeting({
      kind: "issue_team",
      step: 2,
      titleTh: `ประชุม${teams[0].nameTh}`,
      titleEn: "Issue-team meeting (demo)",
      day: daysAgo(45),
      start: "14:00",
      end: "16:00",
      place: `ศาลาประชาคม${vs[0] ? ` หมู่ที่ ${vs[0].moo}` : ""} (สาธิต)`,
      organiser: teams[0].nameTh,
      groupId: teams[0].id,
      areaId: teams[0].areaId,
      status: "held",
    });
    await agenda(teamMeeting.id, [["วางแผนสำรวจข้อมูลครัวเรือน", "แบ่งพื้นที่สำรวจตามหมู่บ้าน (สาธิต)"]]);
    await attend(teamMeeting.id, [
      ...staff(osm, "health_volunteer"),
      { name: "ตัวแทนกลุ่มผู้สูงอายุ (สาธิต)", villageId: vs[0]?.id ?? null, role: "partner" },
    ]);
  }

  // 5. Upcoming: a private working-group meeting and a forum to evaluate together (step 3).
  await insertMeeting({
    kind: "working_group",
    step: 2,
    titleTh: "ประชุมคณะทำงานกลาง เตรียมร่างธรรมนูญ (สาธิต)",
    titleEn: "Working group: preparing the charter draft (demo)",
    day: daysAgo(-7),
    start: "13:30",
    end: "16:00",
    place: hall,
    organiser: "คณะทำงานกลาง (สาธิต)",
    groupId: central!.id,
    isPublic: false,
    status: "planned",
  });
  await insertMeeting({
    kind: "learning_forum",
    step: 3,
    titleTh: "เวทีร่วมกันติดตามประเมินผล (สาธิต)",
    titleEn: "Forum to monitor and evaluate together (demo)",
    day: daysAgo(-21),
    start: "09:00",
    end: "12:00",
    place: hall,
    organiser,
    invitedGroupIds: [central!.id, ...teams.map((x) => x.id)],
    status: "planned",
    descriptionTh: "คืนข้อมูลผลการดำเนินงานและร่วมกันประเมินผล (สาธิต)",
  });

  await audit(tx, {
    tambonId,
    actorId: null,
    action: "groups.demo",
    targetType: "tambon",
    targetId: tambonId,
    after: { terms: terms.length, groups: 1 + teams.length, meetings: 6 },
  });
}
