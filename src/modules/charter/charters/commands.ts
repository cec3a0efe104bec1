import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { getVillage } from "../../../core/queries/villages.ts";
import { auditBy } from "../../../core/audit.ts";
import { buddhistYear } from "../../../core/dates.ts";
import { fields, isEmail, isPhone, normalisePhone, parseForm } from "../../../core/forms.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { getArea } from "../../areas/public.ts";
import { charterEditions, charterVersions, charters } from "../schema.ts";
import { blankDoc, type CharterDoc } from "../document.ts";
import { DIGIT_STYLES } from "../digits.ts";
import { SCOPES } from "../edition.ts";
import { fail, missing, ok, refused } from "../../../core/result.ts";
import type { CharterResult } from "../messages.ts";
import { type CharterRow, type EditionRow, getCharter } from "./queries.ts";
import { pick } from "../../../core/pick.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

/** The closing clauses a new charter starts with (entry into force, review period). */
export function defaultClosing(reviewYears: number): string[] {
  return [
    "ธรรมนูญนี้ให้ใช้บังคับตั้งแต่วันที่ประชาคมมีมติรับรองเป็นต้นไป",
    `ให้คณะทำงานทบทวนธรรมนูญนี้อย่างน้อยทุก ${reviewYears} ปี โดยเปิดให้ประชาชนในพื้นที่มีส่วนร่วมทุกขั้นตอน`,
  ];
}

const charterSchema = z.object({
  nameTh: fields.text(200),
  nameEn: fields.optionalText(200),
  scope: fields.optionalChoice(SCOPES, "tambon"),
  scopeName: fields.optionalText(200),
  village: fields.optionalInt(1, 2 ** 31 - 1),
  area: fields.optionalInt(1, 2 ** 31 - 1),
  digits: fields.optionalChoice(DIGIT_STYLES, "arabic"),
  contactName: fields.optionalText(200),
  contactPhone: fields.optionalText(40),
  contactEmail: fields.optionalText(200),
});

/** The fields of a charter that its form sets. */
type CharterFields = Omit<
  typeof charters.$inferInsert,
  "id" | "tambonId" | "nextKey" | "createdBy" | "createdAt" | "updatedAt"
>;

/** The fields a charter's form sets, as its creation and its changes store them. */
const CHARTER_FIELDS = [
  "nameTh",
  "nameEn",
  "scope",
  "scopeName",
  "villageId",
  "areaId",
  "digits",
  "contactName",
  "contactPhone",
  "contactEmail",
] as const;

async function checkCharterInput(
  db: DbOrTx,
  tambonId: number,
  input: Record<string, string>,
): Promise<CharterResult<CharterFields>> {
  const parsed = parseForm(charterSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if (v.village) {
    if (!(await getVillage(db, tambonId, v.village))) return fail("village", "err.village");
  }
  if (v.scope === "village" && !v.village) return fail("village", "err.required");
  if ((v.scope === "district" || v.scope === "issue") && !v.scopeName)
    return fail("scopeName", "err.required");
  if (v.area) {
    const area = await getArea(db, tambonId, v.area);
    if (!area) return fail("area", "err.required");
  }
  const phone = normalisePhone(v.contactPhone);
  if (phone && !isPhone(phone)) return fail("contactPhone", "err.phone");
  if (v.contactEmail && !isEmail(v.contactEmail)) return fail("contactEmail", "err.email");
  return ok({
    ...pick(v, "nameTh", "nameEn", "scope"),
    scopeName: v.scope === "tambon" ? "" : v.scopeName,
    villageId: v.scope === "village" ? v.village : null,
    areaId: v.area,
    digits: v.digits,
    contactName: v.contactName,
    contactPhone: phone ?? "",
    contactEmail: v.contactEmail,
  });
}

/** Creates a charter with its first edition as a draft (version 1: the title and closing clauses). */
export async function createCharter(
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
  today = new Date(),
): Promise<CharterResult<{ charter: CharterRow; edition: EditionRow }>> {
  if (!can(actor, "charter.manage", { tambonId })) return refused();
  const checked = await checkCharterInput(db, tambonId, input);
  if (!checked.ok) return checked;
  const userId = actor.user?.id ?? null;
  const c = checked.value;
  return db.transaction(async (tx) => {
    const [charter] = await tx
      .insert(charters)
      .values({
        tambonId,
        ...pick(c, ...CHARTER_FIELDS),
        createdBy: userId,
      })
      .returning();
    const edition = await startEdition(tx, charter!, 1, buddhistYear(today), null, userId);
    await auditBy(tx, actor, tambonId, {
      action: "charter.create",
      targetType: "charter",
      targetId: charter!.id,
      after: { nameTh: charter!.nameTh, scope: charter!.scope, edition: edition.id },
    });
    return ok({ charter: charter!, edition });
  });
}

/** Inserts an edition with its first version (a blank text, or a copy of the given one). */
export async function startEdition(
  tx: DbOrTx,
  charter: CharterRow,
  number: number,
  yearBe: number,
  from: { edition: EditionRow; doc: CharterDoc } | null,
  userId: number | null,
): Promise<EditionRow> {
  const reviewYears = from?.edition.reviewYears ?? 5;
  let doc = from?.doc;
  let nextKey = charter.nextKey;
  if (!doc) {
    const blank = blankDoc(charter.nameTh, defaultClosing(reviewYears), nextKey);
    doc = blank.doc;
    nextKey = blank.nextKey;
  }
  const [edition] = await tx
    .insert(charterEditions)
    .values({
      tambonId: charter.tambonId,
      charterId: charter.id,
      number,
      yearBe,
      reviewYears,
      basedOnEditionId: from?.edition.id ?? null,
      createdBy: userId,
    })
    .returning();
  const [version] = await tx
    .insert(charterVersions)
    .values({
      tambonId: charter.tambonId,
      editionId: edition!.id,
      number: 1,
      doc,
      source: "start",
      note: from ? `fromEdition:${from.edition.number}` : "start:",
      authorId: userId,
    })
    .returning({ id: charterVersions.id });
  await tx
    .update(charters)
    .set({ nextKey, updatedAt: new Date() })
    .where(tambonWhere(charters, charter.tambonId, { id: charter.id }));
  const [updated] = await tx
    .update(charterEditions)
    .set({ currentVersionId: version!.id })
    .where(eq(charterEditions.id, edition!.id))
    .returning();
  return updated!;
}

/** Changes a charter's name, scope, digits and contact (the working group). */
export async function updateCharter(
  db: Db,
  actor: Actor,
  tambonId: number,
  charterId: number,
  input: Record<string, string>,
): Promise<CharterResult<CharterRow>> {
  const current = await getCharter(db, tambonId, charterId);
  if (!current) return missing();
  if (!can(actor, "charter.manage", { tambonId })) return refused();
  const checked = await checkCharterInput(db, tambonId, input);
  if (!checked.ok) return checked;
  const c = checked.value;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(charters)
      .set({
        ...pick(c, ...CHARTER_FIELDS),
        updatedAt: new Date(),
      })
      .where(tambonWhere(charters, tambonId, { id: charterId }))
      .returning();
    await auditBy(tx, actor, tambonId, {
      action: "charter.update",
      targetType: "charter",
      targetId: charterId,
      before: { ...pick(current, "nameTh", "scope", "digits") },
      after: { nameTh: row!.nameTh, scope: row!.scope, digits: row!.digits },
    });
    return ok(row!);
  });
}
