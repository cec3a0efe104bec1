import { z } from "zod";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { missing, ok, refused, type Result } from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { DecisionsKey } from "../messages.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { decisionPolicies } from "../schema.ts";
import type { VotingRules } from "../shared/queries.ts";
import { tambonWhere, tambonRows } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

const schema = z.object({
  nameTh: fields.text(100),
  nameEn: fields.optionalText(100),
  discussionDays: fields.int(0, 365),
  frozenDays: fields.int(0, 365),
  votingDays: fields.int(1, 365),
  majority: fields.optionalFraction(),
  quorum: fields.optionalFraction(),
  minPerVillage: fields.optionalInt(0, 1000),
  villagesFraction: fields.optionalFraction(),
  secrecy: fields.choice(["public", "private"]),
  maxWeight: fields.optionalInt(1, 10_000_000),
});

/** Creates or edits a set of voting rules (admins). */
export async function saveVotingRules(
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
  rulesId?: number,
): Promise<Result<VotingRules, DecisionsKey | CoreKey>> {
  if (!can(actor, "votingRules.manage", { tambonId })) return refused();
  if (rulesId) {
    const [exists] = await db
      .select({ id: decisionPolicies.id })
      .from(decisionPolicies)
      .where(tambonWhere(decisionPolicies, tambonId, { id: rulesId }));
    if (!exists) return missing();
  }
  const parsed = parseForm(schema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const values = {
    tambonId,
    ...pick(v, "nameTh", "nameEn", "discussionDays", "frozenDays", "votingDays"),
    majority: v.majority ?? 0.5,
    quorum: v.quorum ?? 0,
    ...pick(v, "minPerVillage", "villagesFraction", "secrecy", "maxWeight"),
  };
  return db.transaction(async (tx) => {
    const [current] = rulesId
      ? await tambonRows(tx, decisionPolicies, tambonId, { id: rulesId })
      : [];
    if (rulesId && !current) return missing();
    const [row] = current
      ? await tx
          .update(decisionPolicies)
          .set(values)
          .where(tambonWhere(decisionPolicies, tambonId, { id: current.id }))
          .returning()
      : await tx.insert(decisionPolicies).values(values).returning();
    await auditBy(tx, actor, tambonId, {
      action: current ? "votingRules.update" : "votingRules.create",
      targetType: "decision_policy",
      targetId: row!.id,
      before: current ? { ...current } : null,
      after: values,
    });
    return ok(row!);
  });
}

/** The voting rules a new tambon starts with: standard ones and a quick poll. */
export async function seedDefaultVotingRules(
  tx: DbOrTx,
  tambonId: number,
  minPerVillage: number | null,
): Promise<VotingRules[]> {
  return tx
    .insert(decisionPolicies)
    .values([
      {
        tambonId,
        nameTh: "กติกาทั่วไป",
        nameEn: "Standard",
        discussionDays: 14,
        frozenDays: 3,
        votingDays: 7,
        majority: 0.5,
        quorum: 0.1,
        minPerVillage,
        villagesFraction: minPerVillage ? 0.5 : null,
      },
      {
        tambonId,
        nameTh: "สำรวจความเห็นด่วน",
        nameEn: "Quick poll",
        discussionDays: 0,
        frozenDays: 0,
        votingDays: 3,
        majority: 0.5,
        quorum: 0,
      },
    ])
    .returning();
}
