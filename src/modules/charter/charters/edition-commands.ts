import { and, eq, sql } from "drizzle-orm";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { z } from "zod";
import type { Db } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { buddhistYear } from "../../../core/dates.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { charterEditions, charters } from "../schema.ts";
import { isFrozen } from "../edition.ts";
import { fail, missing, ok, refused } from "../../../core/result.ts";
import type { CharterResult } from "../messages.ts";
import {
  type EditionRow,
  getCharter,
  editionsOf,
  openEdition,
  currentEdition,
  shownVersion,
} from "./queries.ts";
import { startEdition } from "./commands.ts";
import { editionCommand } from "../shared/commands.ts";
import { pick } from "../../../core/pick.ts";

/** Starts the next edition from the one in force (its text copied as version 1 of a new draft). */
export async function startNextEdition(
  db: Db,
  actor: Actor,
  tambonId: number,
  charterId: number,
  today = new Date(),
): Promise<CharterResult<EditionRow>> {
  const charter = await getCharter(db, tambonId, charterId);
  if (!charter) return missing();
  if (!can(actor, "charter.manage", { tambonId })) return refused();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from charters where id = ${charterId} for update`);
    const editions = await editionsOf(tx, tambonId, charterId);
    if (openEdition(editions)) return fail("_form", "err.openDraftExists");
    const current = currentEdition(editions);
    if (!current) return fail("_form", "err.noEditionInForce");
    const version = await shownVersion(tx, current);
    const [fresh] = await tx.select().from(charters).where(eq(charters.id, charterId));
    const number = Math.max(...editions.map((e) => e.number)) + 1;
    const edition = await startEdition(
      tx,
      fresh!,
      number,
      buddhistYear(today),
      { edition: current, doc: version.doc },
      actor.user?.id ?? null,
    );
    await auditBy(tx, actor, tambonId, {
      action: "charter.edition.start",
      targetType: "charter_edition",
      targetId: edition.id,
      after: { charterId, number, from: current.id },
    });
    return ok(edition);
  });
}

const editionSchema = z.object({
  number: fields.int(1, 999),
  yearBe: fields.int(2400, 2800),
  reviewYears: fields.int(1, 20),
  effectiveOn: fields.optionalDate(),
});

const signingSchema = z.object({
  signingOn: fields.optionalDate(),
  signingPlace: fields.optionalText(300),
});

/** Changes an edition's number, year, entry into force and review period (not once adopted), and its signing date and place. */
export const updateEdition = editionCommand(
  "charter.manage",
  async (
    { db, actor, tambonId, editionId, edition },
    input: Record<string, string>,
  ): Promise<CharterResult<EditionRow>> => {
    const signing = parseForm(signingSchema, input);
    if (!signing.ok) return signing;
    // The status, adoption and vote of an edition change only through their own commands.
    const changes: Partial<typeof charterEditions.$inferInsert> = {
      signingOn: signing.value.signingOn,
      signingPlace: signing.value.signingPlace,
    };
    if (!isFrozen(edition.status)) {
      const parsed = parseForm(editionSchema, input);
      if (!parsed.ok) return parsed;
      changes.number = parsed.value.number;
      changes.yearBe = parsed.value.yearBe;
      changes.reviewYears = parsed.value.reviewYears;
      changes.effectiveOn = parsed.value.effectiveOn;
    }
    return db.transaction(async (tx) => {
      if (changes.number !== undefined && changes.number !== edition.number) {
        const [taken] = await tx
          .select({ id: charterEditions.id })
          .from(charterEditions)
          .where(
            and(
              eq(charterEditions.charterId, edition.charterId),
              eq(charterEditions.number, changes.number),
            ),
          );
        if (taken) return fail("number", "err.numberTaken");
      }
      changes.updatedAt = new Date();
      const [row] = await tx
        .update(charterEditions)
        .set(changes)
        .where(tambonWhere(charterEditions, tambonId, { id: editionId }))
        .returning();
      await auditBy(tx, actor, tambonId, {
        action: "charter.edition.update",
        targetType: "charter_edition",
        targetId: editionId,
        before: {
          ...pick(edition, "number", "yearBe", "reviewYears", "effectiveOn"),
        },
        after: {
          ...pick(
            changes,
            "number",
            "yearBe",
            "reviewYears",
            "effectiveOn",
            "signingOn",
            "signingPlace",
          ),
        },
      });
      return ok(row!);
    });
  },
);
