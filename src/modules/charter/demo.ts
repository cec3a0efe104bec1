import { eq } from "drizzle-orm";
import type { Tx } from "../../core/db/index.ts";
import { audit } from "../../core/audit.ts";
import type { DemoPeople } from "../../core/modules.ts";
import type { Tambon } from "../../core/tenancy.ts";
import { listAreas } from "../areas/public.ts";
import { charterCommentRatings, charterComments, charterEditions, charters } from "./schema.ts";
import { LANGU, SHORT, build } from "./demo-texts.ts";
import { apply, insertVersion } from "./drafting/demo.ts";
import { seedSigning } from "./signing/demo.ts";
import { seedFollowUp } from "./follow-up/demo.ts";
import { seedHearing } from "./hearing/demo.ts";

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
    .update(charterEditions)
    .set({ adoptedVersionId: v2Id })
    .where(eq(charterEditions.id, first!.id));

  await seedSigning(tx, tambon, first!.id, adoptedOn, people, langu);
  await seedFollowUp(tx, tambon.id, charter!.id, first!.id, v2.doc, wg, langu);
  if (langu) {
    nextKey = await seedHearing(tx, tambon.id, charter!.id, first!.id, v2.doc, nextKey, {
      wg,
      facilitator,
      member,
    });
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
