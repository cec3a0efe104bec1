import { eq } from "drizzle-orm";
import { loadSharp } from "../../../core/sharp.ts";
import type { Tx } from "../../../core/db/index.ts";
import { putFile } from "../../../core/file-store.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { agendaItems, attendances, meetingFiles, meetings } from "../schema.ts";
import {
  bangkokInstant,
  nameKey,
  type AttendeeRole,
  type MeetingKind,
  type Step,
} from "./meeting.ts";
import type { MeetingRow } from "./queries.ts";
import { newSigninCode, refreshQuorum } from "./commands.ts";
import type { DemoPerson } from "../shared/demo.ts";
import { pick } from "../../../core/pick.ts";

/** A demo meeting as the demo describes it. */
export interface DemoMeeting {
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
}

/** Someone at a demo meeting, with or without an account. */
export interface DemoAttendee {
  userId?: number | null;
  name: string;
  villageId: number | null;
  role: AttendeeRole;
}

/** The demo's way to hold meetings in one tambon: the meeting, its agenda, who came, the minutes confirmed. */
export function demoMeetings(tx: Tx, tambon: Tambon, recordedBy: number | null) {
  const tambonId = tambon.id;
  const insertMeeting = async (m: DemoMeeting) => {
    const [row] = await tx
      .insert(meetings)
      .values({
        tambonId,
        ...pick(m, "kind", "step", "titleTh", "titleEn"),
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
  const attend = async (meetingId: number, list: DemoAttendee[]) => {
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
          recordedBy,
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
        minutesConfirmedBy: recordedBy,
      })
      .where(eq(meetings.id, m.id));
  };
  const staff = (p: DemoPerson | undefined, role: AttendeeRole): DemoAttendee[] =>
    p ? [{ userId: p.id, name: p.name, villageId: p.villageId, role }] : [];
  return { insertMeeting, agenda, attend, confirm, staff };
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
  const sharp = await loadSharp();
  return sharp(Buffer.from(svg)).jpeg({ quality: 70 }).toBuffer();
}

/** Photos of a meeting, drawn for the demo, with their thumbnails. */
export async function addDemoPhotos(tx: Tx, tambonId: number, meetingId: number): Promise<void> {
  const sharp = await loadSharp();
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
      meetingId,
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
}
