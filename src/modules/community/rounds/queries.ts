import { asc, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { rounds } from "../schema.ts";
import { tambonWhere, tambonRows } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** A survey round of a form. */
export type RoundRow = typeof rounds.$inferSelect;

/** A form's rounds, oldest first. */
export async function listRounds(
  db: DbOrTx,
  tambonId: number,
  formId: number,
): Promise<RoundRow[]> {
  return tambonRows(db, rounds, tambonId, { formId }, asc(rounds.startsOn), asc(rounds.id));
}

/** The form's open round (the latest started, if several are open), or undefined. */
export async function openRound(
  db: DbOrTx,
  tambonId: number,
  formId: number,
): Promise<RoundRow | undefined> {
  const [row] = await db
    .select()
    .from(rounds)
    .where(tambonWhere(rounds, tambonId, { formId, status: "open" }))
    .orderBy(desc(rounds.startsOn), desc(rounds.id))
    .limit(1);
  return row;
}

/** Every round of a tambon's forms by name, oldest first (the import page's choices). */
export function roundNames(db: DbOrTx, tambonId: number) {
  return db
    .select({ ...pick(rounds, "id", "formId", "name") })
    .from(rounds)
    .where(eq(rounds.tambonId, tambonId))
    .orderBy(asc(rounds.startsOn));
}

/** The rounds of these forms by name (the open ones only with `open`), oldest or newest first. */
export function roundsOfForms(
  db: DbOrTx,
  tambonId: number,
  formIds: number[],
  opts: { open?: boolean; newestFirst?: boolean } = {},
) {
  const order = opts.newestFirst ? desc : asc;
  return db
    .select({ ...pick(rounds, "id", "formId", "name") })
    .from(rounds)
    .where(
      tambonWhere(
        rounds,
        tambonId,
        opts.open ? { status: "open" } : {},
        inArray(rounds.formId, formIds),
      ),
    )
    .orderBy(order(rounds.startsOn), order(rounds.id));
}
