import { asc } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import type { Lang } from "../../../core/i18n/index.ts";
import { decisionPolicies } from "../schema.ts";
import type { VotingRules } from "../shared/queries.ts";
import { tambonRowOf, tambonRows } from "../../../core/db/tambon-row.ts";

/** The tambon's sets of voting rules, oldest first: every one (archived ones too), or those that match. */
export async function listVotingRules(
  db: DbOrTx,
  tambonId: number,
  only: { archived?: boolean } = {},
): Promise<VotingRules[]> {
  return tambonRows(db, decisionPolicies, tambonId, only, asc(decisionPolicies.id));
}

/** One set of voting rules of the tambon. */
export const getVotingRules = tambonRowOf(decisionPolicies);

/** The voting rules a new question may use (not archived), oldest first. */
export function activeVotingRules(db: DbOrTx, tambonId: number): Promise<VotingRules[]> {
  return listVotingRules(db, tambonId, { archived: false });
}

/** The name of a set of voting rules in a language (Thai when it has no English name). */
export function votingRulesName(rules: VotingRules, lang: Lang): string {
  return lang === "en" && rules.nameEn ? rules.nameEn : rules.nameTh;
}

/** The voting rules a new question may use, as choices of a select field. */
export async function votingRulesOptions(db: DbOrTx, tambonId: number, lang: Lang) {
  return (await activeVotingRules(db, tambonId)).map((r) => ({
    value: String(r.id),
    label: votingRulesName(r, lang),
  }));
}
