import type { Tx } from "../../../core/db/index.ts";
import { charterClauseLinks, charterClauseProgress } from "../schema.ts";
import type { CharterDoc } from "../document.ts";
import type { Progress } from "../edition.ts";

/** The follow-up of the edition in force: how far some clauses are, and what carries them out. */
export async function seedFollowUp(
  tx: Tx,
  tambonId: number,
  charterId: number,
  editionId: number,
  doc: CharterDoc,
  by: number,
  langu: boolean,
): Promise<void> {
  const clauses = doc.chapters.flatMap((c) => c.clauses);
  const statuses: [number, Progress, string][] = langu
    ? [
        [0, "done", "คณะทำงานกลางรายงานต่อเวทีประชาคมแล้ว 2 ครั้ง (สาธิต)"],
        [1, "in_progress", "ผู้แทนครบ 5 คนแล้ว 15 จาก 18 หมู่บ้าน (สาธิต)"],
        [4, "in_progress", "มีลานออกกำลังกายแล้ว 12 หมู่บ้าน (สาธิต)"],
        [6, "done", "เยี่ยมบ้านครบทุกรายในปีที่ผ่านมา (สาธิต)"],
        [8, "needs_revision", "งดโฟมได้ แต่ยังใช้ถุงพลาสติกมาก ควรปรับข้อนี้ (สาธิต)"],
        [10, "not_started", ""],
      ]
    : [
        [0, "done", "จัดเวทีทบทวนแล้ว (สาธิต)"],
        [4, "in_progress", "เริ่มคัดแยกขยะแล้วครึ่งหนึ่งของหมู่บ้าน (สาธิต)"],
      ];
  for (const [i, status, note] of statuses) {
    const c = clauses[i];
    if (!c) continue;
    await tx.insert(charterClauseProgress).values({
      tambonId,
      charterId,
      editionId,
      clauseKey: c.key,
      status,
      note,
      authorId: by,
    });
  }
  const links: [number, string, string][] = langu
    ? [
        [4, "project", "โครงการลานกีฬาและแอโรบิกหมู่บ้าน (สาธิต)"],
        [4, "indicator", "จำนวนหมู่บ้านที่มีลานออกกำลังกาย (สาธิต)"],
        [6, "partner", "ชมรม อสม. ตำบลละงู (สาธิต)"],
        [8, "indicator", "ร้อยละครัวเรือนที่คัดแยกขยะ (สาธิต)"],
        [8, "project", "โครงการงานบุญปลอดโฟม (สาธิต)"],
        [10, "partner", "มูลนิธิชุมชนสตูล (สาธิต)"],
      ]
    : [[4, "project", "โครงการธนาคารขยะ (สาธิต)"]];
  for (const [i, type, label] of links) {
    const c = clauses[i];
    if (!c) continue;
    await tx.insert(charterClauseLinks).values({
      tambonId,
      charterId,
      clauseKey: c.key,
      targetType: type,
      label,
      createdBy: by,
    });
  }
}
