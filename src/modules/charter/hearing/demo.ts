import { todayIso } from "../../../core/dates.ts";
import { eq } from "drizzle-orm";
import type { Tx } from "../../../core/db/index.ts";
import { villages } from "../../../core/db/schema.ts";
import { charterComments, charterEditions } from "../schema.ts";
import type { DocOp } from "../document-ops.ts";
import type { CharterDoc } from "../document.ts";
import { apply, insertVersion } from "../drafting/demo.ts";

/** Who takes part in the demo's hearing. */
export interface HearingPeople {
  wg: number;
  facilitator: number;
  member: number;
}

const FIRE_TEXT = "ไม่เผาขยะและวัชพืชในที่โล่ง เว้นแต่การเผาตอซังในช่วงเวลาที่หมู่บ้านตกลงกันและแจ้งผู้ก่อการดีล่วงหน้า";

/** The working group's own edits before the hearing: each one change, each a version. */
const EDITS: [(doc: CharterDoc) => DocOp, string][] = [
  [
    (doc) => ({
      op: "editClause",
      key: doc.chapters[2]!.clauses[0]!.key,
      text: "ทุกครัวเรือนคัดแยกขยะที่ต้นทาง และงดใช้โฟมและพลาสติกใช้ครั้งเดียวในงานบุญและงานเลี้ยง",
    }),
    "editClause:9",
  ],
  [
    (doc) => ({
      op: "addClause",
      chapter: doc.chapters[2]!.key,
      text: "ร่วมกันดูแลลุ่มน้ำละงูตั้งแต่ต้นน้ำถึงปากแม่น้ำ ไม่ทิ้งขยะและน้ำเสียลงลำน้ำ",
    }),
    "addClause:12",
  ],
];

/**
 * La-ngu's second edition, started from the first: in public hearing, with a suggestion heard at
 * a village forum and taken into the text, and two comments still open. Gives the next free key.
 */
export async function seedHearing(
  tx: Tx,
  tambonId: number,
  charterId: number,
  firstEditionId: number,
  from: CharterDoc,
  nextKey: number,
  people: HearingPeople,
): Promise<number> {
  const { wg, facilitator, member } = people;
  const [second] = await tx
    .insert(charterEditions)
    .values({
      tambonId,
      charterId,
      number: 2,
      yearBe: 2568,
      status: "hearing",
      reviewYears: 5,
      basedOnEditionId: firstEditionId,
      // Around the day the demo is loaded: a hearing past its end day is closed at once.
      hearingStartsOn: todayIso(new Date(Date.now() - 60 * 86_400_000)),
      hearingEndsOn: todayIso(new Date(Date.now() + 120 * 86_400_000)),
      hearingNote: "เวทีรับฟังความคิดเห็นทุกหมู่บ้าน และแสดงความเห็นออนไลน์ได้ตลอดช่วงเวลา (สาธิต)",
      createdBy: wg,
    })
    .returning();
  const editionId = second!.id;
  let doc = from;
  let number = 1;
  let versionId = await insertVersion(
    tx,
    tambonId,
    editionId,
    number,
    doc,
    "fromEdition:1",
    "start",
    wg,
  );
  for (const [op, note] of EDITS) {
    const r = apply(doc, op(doc), nextKey);
    doc = r.doc;
    nextKey = r.nextKey;
    versionId = await insertVersion(tx, tambonId, editionId, ++number, doc, note, "edit", wg);
  }
  const s3 = versionId;
  await tx
    .update(charterEditions)
    .set({ hearingVersionId: s3 })
    .where(eq(charterEditions.id, editionId));
  const fire = doc.chapters[2]!.clauses[1]!;
  const villageRows = await tx
    .select({ id: villages.id })
    .from(villages)
    .where(eq(villages.tambonId, tambonId))
    .orderBy(villages.moo)
    .limit(3);
  const [heard] = await tx
    .insert(charterComments)
    .values({
      tambonId,
      editionId,
      versionId: s3,
      target: "clause",
      clauseKey: fire.key,
      kind: "suggestion",
      body: "ชาวนาต้องเผาตอซังบางช่วง ขอให้มีช่วงเวลาที่ตกลงกันในหมู่บ้าน (บันทึกจากเวทีหมู่ 1 สาธิต)",
      proposedText: FIRE_TEXT,
      authorName: "นายบุญมี ทองมา (สาธิต)",
      villageId: villageRows[0]?.id ?? null,
      recordedBy: facilitator,
      phase: "hearing",
      status: "accepted",
      decidedBy: wg,
      decidedAt: new Date(),
    })
    .returning({ id: charterComments.id });
  const e3 = apply(doc, { op: "editClause", key: fire.key, text: FIRE_TEXT }, nextKey);
  const s4 = await insertVersion(
    tx,
    tambonId,
    editionId,
    number + 1,
    e3.doc,
    "editClause:10",
    "suggestion",
    wg,
    heard!.id,
  );
  const market = e3.doc.chapters[3]!.clauses[0]!;
  await tx.insert(charterComments).values([
    {
      tambonId,
      editionId,
      versionId: s4,
      target: "clause",
      clauseKey: market.key,
      kind: "suggestion",
      body: "ควรระบุให้ชัดว่าหน่วยงานใดจัดซื้อ (สาธิต)",
      proposedText:
        "ส่งเสริมตลาดชุมชนและผลผลิตปลอดภัยของคนละงู โดยให้ อบต. โรงเรียน และ รพ.สต. จัดซื้อผลผลิตในพื้นที่ก่อน",
      authorId: member,
      phase: "hearing",
    },
    {
      tambonId,
      editionId,
      versionId: s4,
      target: "general",
      kind: "comment",
      body: "เห็นด้วยกับการเพิ่มข้อเรื่องลุ่มน้ำ อยากให้มีเวทีของหมู่บ้านริมน้ำด้วย (บันทึกจากเวทีหมู่ 2 สาธิต)",
      authorName: "นางมาลี รักถิ่น (สาธิต)",
      villageId: villageRows[1]?.id ?? null,
      recordedBy: facilitator,
      phase: "hearing",
    },
  ]);
  return nextKey;
}
