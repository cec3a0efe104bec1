import { randomBytes } from "node:crypto";
import type { Db } from "../../src/core/db/index.ts";
import { todayIso } from "../../src/core/dates.ts";
import { agendaItems, meetings, resolutions } from "../../src/modules/groups/schema.ts";

/**
 * A resolution as the groups module records it at a meeting: what the charter's adoption reads
 * through groups/public.ts. Tests use it as the assembly's record. With `agenda`, it is decided
 * under an agenda item of that title (as a facilitator records "วาระ: รับรองธรรมนูญ ฉบับที่ 1
 * พ.ศ. 2568"); the meeting is held on `day` (today by default).
 */
export async function recordResolution(
  db: Db,
  tambonId: number,
  opts: {
    kind?: "village_assembly" | "working_group" | "public_hearing";
    quorumMet: boolean | null;
    outcome?: "adopted" | "rejected";
    text?: string;
    day?: string;
    agenda?: string;
  },
): Promise<number> {
  const [meeting] = await db
    .insert(meetings)
    .values({
      tambonId,
      kind: opts.kind ?? "village_assembly",
      step: 2,
      titleTh: "ประชุมประชาคมตำบลรับรองธรรมนูญสุขภาพ (ทดสอบ)",
      startsAt: new Date(`${opts.day ?? todayIso()}T09:00:00+07:00`),
      status: "held",
      quorumMinPerVillage: 5,
      quorumMet: opts.quorumMet,
      signinCode: randomBytes(3).toString("hex"),
    })
    .returning({ id: meetings.id });
  const [item] = opts.agenda
    ? await db
        .insert(agendaItems)
        .values({ tambonId, meetingId: meeting!.id, position: 1, titleTh: opts.agenda })
        .returning({ id: agendaItems.id })
    : [];
  const [resolution] = await db
    .insert(resolutions)
    .values({
      tambonId,
      meetingId: meeting!.id,
      agendaItemId: item?.id ?? null,
      number: 1,
      textTh: opts.text ?? "รับรองร่างธรรมนูญสุขภาพตำบล (ทดสอบ)",
      method: "show_of_hands",
      votesFor: 90,
      votesAgainst: 2,
      votesAbstain: 3,
      outcome: opts.outcome ?? "adopted",
      quorumMet: opts.quorumMet,
    })
    .returning({ id: resolutions.id });
  return resolution!.id;
}

/** A multipart/form-data body with text fields and one file, for uploads through `inject`. */
export function multipart(
  fields: Record<string, string>,
  file: { field: string; filename: string; type: string; data: Buffer } | null,
): { payload: Buffer; contentType: string } {
  const boundary = `----tambon${randomBytes(8).toString("hex")}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    );
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** A meeting of a tambon as the groups module keeps it (for the hearing's list of meetings). */
export async function recordMeeting(
  db: Db,
  tambonId: number,
  opts: {
    kind?: "public_hearing" | "village_assembly" | "briefing";
    title: string;
    day: string;
    place?: string;
    isPublic?: boolean;
  },
): Promise<number> {
  const [meeting] = await db
    .insert(meetings)
    .values({
      tambonId,
      kind: opts.kind ?? "public_hearing",
      step: 2,
      titleTh: opts.title,
      startsAt: new Date(`${opts.day}T13:00:00+07:00`),
      place: opts.place ?? "",
      status: "planned",
      isPublic: opts.isPublic ?? true,
      signinCode: randomBytes(3).toString("hex"),
    })
    .returning({ id: meetings.id });
  return meeting!.id;
}
