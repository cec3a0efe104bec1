import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../core/db/index.ts";
import { tambonMembers, users, villages } from "../../core/db/schema.ts";
import { audit } from "../../core/audit.ts";
import type { DemoPeople } from "../../core/modules.ts";
import type { Tambon } from "../../core/tenancy.ts";
import { listAreas } from "../areas/public.ts";
import {
  charterClauseLinks,
  charterClauseProgress,
  charterCommentRatings,
  charterComments,
  charterEditions,
  charterPhotos,
  charterSignatories,
  charterVersions,
  charters,
} from "./schema.ts";
import { applyOp, type CharterDoc, type DocOp } from "./document.ts";
import { defaultClosing } from "./charters/commands.ts";
import { demoImage, processImage, storeImage } from "./signing/images.ts";
import type { Progress } from "./edition.ts";
import { pillarsOf } from "./signing/pillars.ts";

/** A charter's text as written for the demo: chapters of clause texts. */
interface DemoText {
  title: string;
  preamble: string;
  definitions: [string, string][];
  chapters: [string, string[]][];
  reviewYears: number;
}

/** Builds a document with fresh keys from a demo text. */
function build(text: DemoText): { doc: CharterDoc; nextKey: number } {
  let key = 1;
  const doc: CharterDoc = {
    title: text.title,
    preamble: text.preamble,
    definitions: text.definitions.map(([term, meaning]) => ({ key: key++, term, meaning })),
    chapters: text.chapters.map(([title, clauses]) => ({
      key: key++,
      title,
      clauses: clauses.map((t) => ({ key: key++, text: t })),
    })),
    closing: defaultClosing(text.reviewYears).map((t) => ({ key: key++, text: t })),
  };
  return { doc, nextKey: key };
}

const LANGU: DemoText = {
  title: "ธรรมนูญสุขภาพตำบลละงู (สาธิต)",
  reviewYears: 5,
  preamble:
    "ประชาชนตำบลละงูทั้ง 18 หมู่บ้าน ร่วมกับภาคส่วน 5 เสาหลัก ได้แก่ ท้องถิ่น ท้องที่ ผู้นำศาสนาทั้งพุทธและมุสลิม หน่วยงานสาธารณสุขและหน่วยงานรัฐ และภาคประชาชน เห็นพ้องกันว่าการพัฒนาต้องใช้คุณภาพชีวิตของคนละงูเป็นตัวตั้ง และบูรณาการการทำงานของทุกภาคส่วนบน “พื้นที่กลาง” เพื่อลดความซ้ำซ้อน กระจายผลประโยชน์อย่างเป็นธรรม และเปิดให้ทุกคนมีส่วนร่วม\n\n" +
    "ธรรมนูญนี้เป็นข้อตกลงร่วมที่คนละงูจัดทำขึ้นเอง เพื่อคนละงู ตามแนวทางธรรมนูญว่าด้วยระบบสุขภาพแห่งชาติภายใต้พระราชบัญญัติสุขภาพแห่งชาติ พ.ศ. 2550 ผ่านการประชุมชี้แจง เวทีตัวแทนหมู่บ้าน และการรับฟังความคิดเห็นของประชาชน (ข้อความสาธิต)",
  definitions: [
    ["พื้นที่กลาง", "เวทีและกลไกที่ภาคส่วน 5 เสาหลักใช้ทำงานร่วมกันอย่างเท่าเทียม โดยไม่มีภาคส่วนใดเป็นเจ้าของแต่ผู้เดียว"],
    [
      "ผู้ก่อการดี",
      "จิตอาสาที่ทำหน้าที่อำนวยความสะดวก และเป็นข้อต่อระหว่างตัวแทนหมู่บ้าน ภาคีท้องถิ่น ท้องที่ ผู้นำศาสนา และผู้นำชุมชน",
    ],
    [
      "ประชาธิปไตยแบบลื่นไหล",
      "การมีส่วนร่วมที่ผู้เข้าร่วมปรับเปลี่ยนไปตามประเด็นและภารกิจ สมาชิกตัดสินใจเองหรือมอบสิทธิ์ให้ผู้ที่ไว้วางใจ และเรียกคืนได้ทุกเมื่อ",
    ],
  ],
  chapters: [
    [
      "กลไกและการมีส่วนร่วม",
      [
        "ให้มีคณะทำงานกลางที่มาจากภาคส่วน 5 เสาหลัก ทำหน้าที่ประมวลผล ประสานภาคส่วนที่เกี่ยวข้องในแต่ละประเด็น และติดตามการปฏิบัติตามธรรมนูญนี้",
        "ให้แต่ละหมู่บ้านทั้ง 18 หมู่บ้านมีผู้แทนอย่างน้อย 5 คนเข้าร่วมเวทีประชาคม และให้ถือว่าเวทีประชาคมครบองค์ประชุมเมื่อมีผู้แทนครบตามเกณฑ์ในหมู่บ้านส่วนใหญ่",
        "ให้มีผู้ก่อการดีประจำทุกหมู่บ้าน เป็นข้อต่อในการประสานการขับเคลื่อน และช่วยบันทึกความคิดเห็นของผู้ที่ไม่สะดวกใช้ระบบออนไลน์",
        "ทีมประเด็นเปิดรับผู้เกี่ยวข้องตามประเด็นปัญหาและภารกิจ โดยสมาชิกทีมปรับเปลี่ยนได้ตามความเป็นจริง",
      ],
    ],
    [
      "สุขภาพกาย ใจ และการดูแลกันและกัน",
      [
        "ทุกหมู่บ้านจัดให้มีลานออกกำลังกายและกิจกรรมส่งเสริมสุขภาพอย่างน้อยสัปดาห์ละ 3 วัน",
        "ลดหวาน มัน เค็ม ในงานบุญ งานเลี้ยง และอาหารกลางวันของโรงเรียนและศูนย์พัฒนาเด็กเล็ก",
        "อสม. และผู้ก่อการดีเยี่ยมบ้านผู้สูงอายุ คนพิการ และผู้ป่วยติดเตียงอย่างน้อยเดือนละครั้ง และส่งต่อข้อมูลให้ รพ.สต.",
        "ให้มีกองทุนช่วยเหลือคนยากลำบากของตำบล ที่บริหารโดยผู้แทนหมู่บ้านและเปิดเผยรายรับรายจ่ายทุกไตรมาส",
      ],
    ],
    [
      "สิ่งแวดล้อมและภัยพิบัติ",
      [
        "ทุกครัวเรือนคัดแยกขยะที่ต้นทาง และงดใช้โฟมบรรจุอาหารในงานบุญและงานเลี้ยง",
        "ไม่เผาขยะและวัชพืชในที่โล่ง เว้นแต่ได้รับอนุญาตในช่วงที่ไม่มีหมอกควัน",
        "ทุกหมู่บ้านมีแผนรับมือน้ำท่วมและภัยพิบัติ พร้อมรายชื่อผู้ที่ต้องช่วยเหลือก่อน และซ้อมแผนปีละครั้ง",
      ],
    ],
    [
      "เศรษฐกิจชุมชนและโครงสร้างพื้นฐาน",
      [
        "ส่งเสริมตลาดชุมชนและผลผลิตปลอดภัยของคนละงู โดยให้หน่วยงานในตำบลจัดซื้อผลผลิตในพื้นที่ก่อน",
        "จัดลำดับความสำคัญของงานถนน ไฟฟ้า และน้ำประปาผ่านเวทีประชาคม เพื่อกระจายประโยชน์อย่างเป็นธรรมทุกหมู่บ้าน",
      ],
    ],
  ],
};

const SHORT = (name: string): DemoText => ({
  title: `ธรรมนูญสุขภาพตำบล${name} (สาธิต)`,
  reviewYears: 5,
  preamble: `ประชาชนตำบล${name}ร่วมกันจัดทำธรรมนูญสุขภาพฉบับนี้ เพื่อเป็นข้อตกลงในการดูแลสุขภาพและสิ่งแวดล้อมของชุมชนร่วมกัน (ข้อความสาธิต)`,
  definitions: [["ภาคี", "กลุ่ม องค์กร ชมรม สมาคม มูลนิธิ และหน่วยงานที่ร่วมขับเคลื่อนธรรมนูญนี้"]],
  chapters: [
    [
      "การมีส่วนร่วม",
      [
        "ให้มีเวทีประชาคมทบทวนการปฏิบัติตามธรรมนูญปีละครั้ง",
        "เปิดเผยข้อมูลสุขภาพของชุมชนที่ชุมชนเก็บเองให้ทุกคนเข้าถึงได้",
      ],
    ],
    [
      "สุขภาพ",
      ["ส่งเสริมการออกกำลังกายและอาหารปลอดภัยในทุกหมู่บ้าน", "ดูแลผู้สูงอายุและผู้ป่วยติดเตียงโดย อสม. และครอบครัว"],
    ],
    ["สิ่งแวดล้อม", ["คัดแยกขยะที่ต้นทางและลดการใช้พลาสติก", "ร่วมกันดูแลแหล่งน้ำของชุมชน"]],
  ],
});

async function insertVersion(
  tx: Tx,
  tambonId: number,
  editionId: number,
  number: number,
  doc: CharterDoc,
  note: string,
  source: "start" | "edit" | "suggestion",
  authorId: number | null,
  commentId: number | null = null,
) {
  const [v] = await tx
    .insert(charterVersions)
    .values({ tambonId, editionId, number, doc, note, source, authorId, commentId })
    .returning({ id: charterVersions.id });
  await tx
    .update(charterEditions)
    .set({ currentVersionId: v!.id })
    .where(eq(charterEditions.id, editionId));
  return v!.id;
}

function apply(doc: CharterDoc, op: DocOp, nextKey: number) {
  const r = applyOp(doc, op, nextKey);
  if (!r.ok) throw new Error(`demo charter: ${op.op} failed (${r.error})`);
  return r;
}

/** Signatories per pillar (with demo scans of the signed page) and one representative per village. */
async function addSignatories(
  tx: Tx,
  tambon: Tambon,
  editionId: number,
  signedOn: string,
  people: DemoPeople,
  pillarPeople: [string, string, string][],
  repsPerVillage: number,
) {
  for (const [i, [pillar, name, position]] of pillarPeople.entries()) {
    const image = (await processImage(await demoImage(900, 1200, 30 + i * 40), 320))!;
    const files = await storeImage(tx, tambon.id, "charter.scan", image, `scan-${i + 1}.jpg`);
    await tx.insert(charterSignatories).values({
      tambonId: tambon.id,
      editionId,
      kind: "pillar",
      pillar,
      name,
      position,
      sortOrder: i + 1,
      signedOn,
      scanFileId: files.fileId,
      scanMime: image.mime,
      scanBytes: image.bytes,
      scanWidth: image.width,
      scanHeight: image.height,
      thumbFileId: files.thumbFileId,
    });
  }
  const reps = people.byRole.village_rep ?? [];
  if (!reps.length || !repsPerVillage) return;
  const rows = await tx
    .select({
      id: users.id,
      name: users.name,
      villageId: tambonMembers.villageId,
      moo: villages.moo,
    })
    .from(users)
    .innerJoin(
      tambonMembers,
      and(eq(tambonMembers.userId, users.id), eq(tambonMembers.tambonId, tambon.id)),
    )
    .innerJoin(villages, eq(villages.id, tambonMembers.villageId))
    .where(inArray(users.id, reps));
  const taken = new Map<number, number>();
  for (const r of rows.sort((a, b) => a.moo - b.moo || a.id - b.id)) {
    const n = taken.get(r.villageId!) ?? 0;
    if (n >= repsPerVillage) continue;
    taken.set(r.villageId!, n + 1);
    await tx.insert(charterSignatories).values({
      tambonId: tambon.id,
      editionId,
      kind: "village",
      villageId: r.villageId,
      name: r.name,
      position: `ผู้แทนหมู่ที่ ${r.moo}`,
      sortOrder: r.moo,
      signedOn,
    });
  }
}

async function addPhotos(
  tx: Tx,
  tambonId: number,
  editionId: number,
  sizes: [number, number, string][],
) {
  for (const [i, [w, h, caption]] of sizes.entries()) {
    const image = (await processImage(await demoImage(w, h, 120 + i * 25)))!;
    const files = await storeImage(tx, tambonId, "charter.photo", image, `photo-${i + 1}.jpg`);
    await tx.insert(charterPhotos).values({
      tambonId,
      editionId,
      caption,
      mime: image.mime,
      bytes: image.bytes,
      width: image.width,
      height: image.height,
      fileId: files.fileId,
      thumbFileId: files.thumbFileId,
    });
  }
}

/** An adopted first edition with signatories, photos, follow-up and (in La-ngu) a revision in public hearing. */
export async function seedCharterDemo(tx: Tx, tambon: Tambon, people: DemoPeople): Promise<void> {
  const langu = tambon.dopaCode === "910502";
  const text = langu ? LANGU : SHORT(tambon.nameTh);
  const wg = people.byRole.working_group?.[0] ?? people.adminId;
  const facilitator = people.byRole.facilitator?.[0] ?? people.adminId;
  const member =
    people.byRole.member?.find((id) => !(people.byRole.village_rep ?? []).includes(id)) ??
    people.adminId;
  const areas = await listAreas(tx, tambon.id);
  const built = build(text);
  let nextKey = built.nextKey;
  const [charter] = await tx
    .insert(charters)
    .values({
      tambonId: tambon.id,
      nameTh: text.title.replace(" (สาธิต)", ""),
      nameEn: `${tambon.nameEn} Health Charter`,
      scope: "tambon",
      areaId: areas[0]?.id ?? null,
      digits: langu ? "thai" : "arabic",
      contactName: langu
        ? "คณะทำงานกลางตำบลละงู (สาธิต)"
        : `คณะทำงานธรรมนูญตำบล${tambon.nameTh} (สาธิต)`,
      contactPhone: tambon.phone.replace(/-/g, ""),
      contactEmail: tambon.email,
      createdBy: wg,
    })
    .returning();
  const adoptedOn = langu ? "2023-09-16" : "2024-06-05";
  const [first] = await tx
    .insert(charterEditions)
    .values({
      tambonId: tambon.id,
      charterId: charter!.id,
      number: 1,
      yearBe: langu ? 2566 : 2567,
      status: "adopted",
      reviewYears: text.reviewYears,
      adoptedOn,
      adoptedAt: new Date(`${adoptedOn}T10:00:00+07:00`),
      effectiveOn: adoptedOn,
      signingOn: adoptedOn,
      signingPlace: langu
        ? "หอประชุมองค์การบริหารส่วนตำบลละงู (สาธิต)"
        : `สำนักงานเทศบาลตำบล${tambon.nameTh} (สาธิต)`,
      createdBy: wg,
    })
    .returning();
  // Drafting history: a start, a suggestion accepted while drafting, the adopted text.
  const v1Doc = structuredClone(built.doc);
  const firstClause = v1Doc.chapters[0]!.clauses[0]!;
  const v1 = await insertVersion(tx, tambon.id, first!.id, 1, v1Doc, "start:", "start", wg);
  const proposed = `${firstClause.text} โดยรายงานผลต่อเวทีประชาคมทุก 6 เดือน`;
  const [suggestion] = await tx
    .insert(charterComments)
    .values({
      tambonId: tambon.id,
      editionId: first!.id,
      versionId: v1,
      target: "clause",
      clauseKey: firstClause.key,
      kind: "suggestion",
      body: "ควรกำหนดให้คณะทำงานรายงานความก้าวหน้าอย่างสม่ำเสมอ (สาธิต)",
      proposedText: proposed,
      authorId: member,
      phase: "draft",
      status: "accepted",
      decidedBy: wg,
      decidedAt: new Date(`${adoptedOn}T09:00:00+07:00`),
    })
    .returning({ id: charterComments.id });
  await tx.insert(charterCommentRatings).values({
    tambonId: tambon.id,
    commentId: suggestion!.id,
    userId: facilitator,
    rating: "must",
  });
  const v2 = apply(v1Doc, { op: "editClause", key: firstClause.key, text: proposed }, nextKey);
  const v2Id = await insertVersion(
    tx,
    tambon.id,
    first!.id,
    2,
    v2.doc,
    "editClause:1",
    "suggestion",
    wg,
    suggestion!.id,
  );
  await tx
    .update(charterComments)
    .set({ appliedVersionId: v2Id })
    .where(eq(charterComments.id, suggestion!.id));
  await tx
    .update(charterEditions)
    .set({ adoptedVersionId: v2Id })
    .where(eq(charterEditions.id, first!.id));

  const pillars = await pillarsOf(tx, tambon.id);
  const pillar = (i: number) => pillars[i % pillars.length]!;
  const pillarPeople: [string, string, string][] = langu
    ? [
        [pillar(0), "นายสมชาย ละงูทอง (สาธิต)", "นายกองค์การบริหารส่วนตำบลละงู"],
        [pillar(1), "นายอับดุลเลาะ หลีเหล็ม (สาธิต)", "กำนันตำบลละงู"],
        [pillar(2), "นายยูโซะ บินหมัด (สาธิต)", "อิหม่ามประจำมัสยิด"],
        [pillar(2), "พระครูประเสริฐ (สาธิต)", "เจ้าอาวาส"],
        [pillar(3), "นางสุดา ศรีสุข (สาธิต)", "ผู้อำนวยการ รพ.สต."],
        [pillar(4), "นางฟาตีมะห์ เจ๊ะหมะ (สาธิต)", "ประธาน อสม. ตำบลละงู"],
      ]
    : [
        [pillar(0), `นายกเทศมนตรีตำบล${tambon.nameTh} (สาธิต)`, "นายกเทศมนตรี"],
        [pillar(4), `ประธาน อสม. ตำบล${tambon.nameTh} (สาธิต)`, "ประธาน อสม."],
      ];
  await addSignatories(tx, tambon, first!.id, adoptedOn, people, pillarPeople, langu ? 1 : 0);
  await addPhotos(
    tx,
    tambon.id,
    first!.id,
    langu
      ? [
          [1280, 960, "ผู้แทน 5 เสาหลักร่วมลงนามประกาศใช้ธรรมนูญ (สาธิต)"],
          [960, 1280, "ผู้แทนหมู่บ้านลงนาม (สาธิต)"],
          [1080, 810, "เวทีประชาคมรับรองธรรมนูญ (สาธิต)"],
        ]
      : [[960, 720, "พิธีลงนามธรรมนูญ (สาธิต)"]],
  );

  // Follow-up of the edition in force.
  const clauses = v2.doc.chapters.flatMap((c) => c.clauses);
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
      tambonId: tambon.id,
      charterId: charter!.id,
      editionId: first!.id,
      clauseKey: c.key,
      status,
      note,
      authorId: wg,
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
      tambonId: tambon.id,
      charterId: charter!.id,
      clauseKey: c.key,
      targetType: type,
      label,
      createdBy: wg,
    });
  }

  if (langu) {
    // The second edition, started from the first, is in public hearing with comments.
    const [second] = await tx
      .insert(charterEditions)
      .values({
        tambonId: tambon.id,
        charterId: charter!.id,
        number: 2,
        yearBe: 2568,
        status: "hearing",
        reviewYears: 5,
        basedOnEditionId: first!.id,
        hearingStartsOn: "2025-06-01",
        hearingEndsOn: "2025-12-31",
        hearingNote: "เวทีรับฟังความคิดเห็นทุกหมู่บ้าน และแสดงความเห็นออนไลน์ได้ตลอดช่วงเวลา (สาธิต)",
        createdBy: wg,
      })
      .returning();
    await insertVersion(tx, tambon.id, second!.id, 1, v2.doc, "fromEdition:1", "start", wg);
    const waste = v2.doc.chapters[2]!.clauses[0]!;
    const e1 = apply(
      v2.doc,
      {
        op: "editClause",
        key: waste.key,
        text: "ทุกครัวเรือนคัดแยกขยะที่ต้นทาง และงดใช้โฟมและพลาสติกใช้ครั้งเดียวในงานบุญและงานเลี้ยง",
      },
      nextKey,
    );
    nextKey = e1.nextKey;
    await insertVersion(tx, tambon.id, second!.id, 2, e1.doc, "editClause:9", "edit", wg);
    const e2 = apply(
      e1.doc,
      {
        op: "addClause",
        chapter: e1.doc.chapters[2]!.key,
        text: "ร่วมกันดูแลลุ่มน้ำละงูตั้งแต่ต้นน้ำถึงปากแม่น้ำ ไม่ทิ้งขยะและน้ำเสียลงลำน้ำ",
      },
      nextKey,
    );
    nextKey = e2.nextKey;
    const s3 = await insertVersion(
      tx,
      tambon.id,
      second!.id,
      3,
      e2.doc,
      "addClause:12",
      "edit",
      wg,
    );
    await tx
      .update(charterEditions)
      .set({ hearingVersionId: s3 })
      .where(eq(charterEditions.id, second!.id));
    const fire = e2.doc.chapters[2]!.clauses[1]!;
    const villageRows = await tx
      .select({ id: villages.id })
      .from(villages)
      .where(eq(villages.tambonId, tambon.id))
      .orderBy(villages.moo)
      .limit(3);
    const [heard] = await tx
      .insert(charterComments)
      .values({
        tambonId: tambon.id,
        editionId: second!.id,
        versionId: s3,
        target: "clause",
        clauseKey: fire.key,
        kind: "suggestion",
        body: "ชาวนาต้องเผาตอซังบางช่วง ขอให้มีช่วงเวลาที่ตกลงกันในหมู่บ้าน (บันทึกจากเวทีหมู่ 1 สาธิต)",
        proposedText:
          "ไม่เผาขยะและวัชพืชในที่โล่ง เว้นแต่การเผาตอซังในช่วงเวลาที่หมู่บ้านตกลงกันและแจ้งผู้ก่อการดีล่วงหน้า",
        authorName: "นายบุญมี ทองมา (สาธิต)",
        villageId: villageRows[0]?.id ?? null,
        recordedBy: facilitator,
        phase: "hearing",
        status: "accepted",
        decidedBy: wg,
        decidedAt: new Date(),
      })
      .returning({ id: charterComments.id });
    const e3 = apply(
      e2.doc,
      {
        op: "editClause",
        key: fire.key,
        text: "ไม่เผาขยะและวัชพืชในที่โล่ง เว้นแต่การเผาตอซังในช่วงเวลาที่หมู่บ้านตกลงกันและแจ้งผู้ก่อการดีล่วงหน้า",
      },
      nextKey,
    );
    const s4 = await insertVersion(
      tx,
      tambon.id,
      second!.id,
      4,
      e3.doc,
      "editClause:10",
      "suggestion",
      wg,
      heard!.id,
    );
    await tx
      .update(charterComments)
      .set({ appliedVersionId: s4 })
      .where(eq(charterComments.id, heard!.id));
    const market = e3.doc.chapters[3]!.clauses[0]!;
    await tx.insert(charterComments).values([
      {
        tambonId: tambon.id,
        editionId: second!.id,
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
        tambonId: tambon.id,
        editionId: second!.id,
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
  }
  await tx.update(charters).set({ nextKey }).where(eq(charters.id, charter!.id));
  await audit(tx, {
    tambonId: tambon.id,
    actorId: null,
    action: "charter.demo",
    targetType: "charter",
    targetId: charter!.id,
    after: { editions: langu ? 2 : 1 },
  });
}
