import { eq, inArray } from "drizzle-orm";
import type { Tx } from "../../core/db/index.ts";
import type { DemoPeople } from "../../core/modules.ts";
import type { Tambon } from "../../core/tenancy.ts";
import { audit } from "../../core/audit.ts";
import { tambonMembers, users, villages } from "../../core/db/schema.ts";
import { listAreas } from "../areas/public.ts";
import { resolutions } from "./schema.ts";
import { defaultPillars } from "./groups/group.ts";
import { refreshQuorum } from "./meetings/commands.ts";
import { daysAgo, type DemoPerson } from "./shared/demo.ts";
import { addDemoPhotos, demoMeetings } from "./meetings/demo.ts";
import { seedTerms } from "./representatives/demo.ts";
import { seedGroups, seedTeamMembers } from "./groups/demo.ts";
import { seedCentralNominations } from "./resolutions/demo.ts";
import { pick } from "../../core/pick.ts";
import { tambonWhere } from "../../core/db/tambon-row.ts";

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
    .innerJoin(tambonMembers, tambonWhere(tambonMembers, tambonId, { userId: users.id }))
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

  const terms = await seedTerms(
    tx,
    tambon,
    vs.map((v) => v.id),
    repIds.map((id) => person.get(id)).filter((p): p is DemoPerson => !!p),
    demoMembers[1],
  );
  const { central, teams } = await seedGroups(tx, tambonId, areas);
  const { insertMeeting, agenda, attend, confirm, staff } = demoMeetings(
    tx,
    tambon,
    facilitator?.id ?? null,
  );
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
  const joined = await seedCentralNominations(
    tx,
    tambonId,
    assembly.id,
    assemblyAgenda[1]!.id,
    central.id,
    fresh,
    {
      chair: wg,
      secretary: facilitator,
      members: terms.slice(0, 4).map((x) => person.get(x.userId)!),
      pillars,
    },
  );
  await addDemoPhotos(tx, tambonId, assembly.id);
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
    groupId: central.id,
    invitedGroupIds: teams.map((x) => x.id),
    status: "held",
  });
  const wgAgenda = await agenda(wgMeeting.id, [["จัดตั้งทีมประเด็น", "แบ่งทีมตามประเด็นการพัฒนา (สาธิต)"]]);
  await attend(
    wgMeeting.id,
    joined.map((m) => ({
      ...pick(m, "userId", "name", "villageId"),
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
  await seedTeamMembers(tx, tambonId, teams, [osm, wg], demoMembers);

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
    groupId: central.id,
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
    invitedGroupIds: [central.id, ...teams.map((x) => x.id)],
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
