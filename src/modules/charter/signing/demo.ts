import { eq, inArray } from "drizzle-orm";
import type { Tx } from "../../../core/db/index.ts";
import { tambonMembers, users, villages } from "../../../core/db/schema.ts";
import type { DemoPeople } from "../../../core/modules.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { charterSignatories } from "../schema.ts";
import { demoImage, processImage, storeImage } from "./images.ts";
import { pillarsOf } from "./pillars.ts";
import { storePhoto } from "./commands.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

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
    .innerJoin(tambonMembers, tambonWhere(tambonMembers, tambon.id, { userId: users.id }))
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

/** Photos of the signing, drawn for the demo. */
async function addPhotos(
  tx: Tx,
  tambonId: number,
  editionId: number,
  sizes: [number, number, string][],
) {
  for (const [i, [w, h, caption]] of sizes.entries()) {
    const image = (await processImage(await demoImage(w, h, 120 + i * 25)))!;
    await storePhoto(tx, tambonId, editionId, image, `photo-${i + 1}.jpg`, caption);
  }
}

/** The signing of an adopted edition: its signatories (per pillar, and in La-ngu per village) and photos. */
export async function seedSigning(
  tx: Tx,
  tambon: Tambon,
  editionId: number,
  signedOn: string,
  people: DemoPeople,
  langu: boolean,
): Promise<void> {
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
  await addSignatories(tx, tambon, editionId, signedOn, people, pillarPeople, langu ? 1 : 0);
  await addPhotos(
    tx,
    tambon.id,
    editionId,
    langu
      ? [
          [1280, 960, "ผู้แทน 5 เสาหลักร่วมลงนามประกาศใช้ธรรมนูญ (สาธิต)"],
          [960, 1280, "ผู้แทนหมู่บ้านลงนาม (สาธิต)"],
          [1080, 810, "เวทีประชาคมรับรองธรรมนูญ (สาธิต)"],
        ]
      : [[960, 720, "พิธีลงนามธรรมนูญ (สาธิต)"]],
  );
}
