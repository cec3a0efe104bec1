import type { ComponentChildren } from "preact";
import type { ModuleDeps } from "../../../core/modules.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { todayIso } from "../../../core/dates.ts";
import { reviewDueOn, reviewState } from "../edition.ts";
import { HomeSection } from "./home-views.tsx";
import { settleVotesOf } from "../adoption/commands.ts";
import { chartersWithTitles, currentEdition } from "./queries.ts";

/** The charter section of the tambon's home page: the edition in force, its review, an open hearing. */
export async function charterHome(tambon: Tambon, deps: ModuleDeps): Promise<ComponentChildren> {
  const db = deps.database.db;
  // Core keeps the rendered section until the tambon changes, so this reads the charters once
  // then; an edition put to a vote whose vote has closed is adopted first (and read again).
  let rows = await chartersWithTitles(db, tambon.id);
  const editions = rows.flatMap((r) => r.editions);
  if ((await settleVotesOf(db, tambon.id, editions)) > 0)
    rows = await chartersWithTitles(db, tambon.id);
  const items = [];
  for (const { charter, editions, titles } of rows) {
    const inForce = currentEdition(editions);
    const hearing = editions.find((e) => e.status === "hearing");
    if (!inForce && !hearing) continue;
    const shown = inForce ?? hearing!;
    const title = titles?.[shown.id];
    if (title === undefined) throw new Error(`edition ${shown.id} has no version to show`);
    const due = inForce?.adoptedOn ? reviewDueOn(inForce.adoptedOn, inForce.reviewYears) : null;
    items.push({ charter, inForce: inForce ?? null, hearing: hearing ?? null, title, due });
  }
  if (!items.length) return null;
  const today = todayIso();
  return (
    <HomeSection
      items={items.map((i) => ({
        ...i,
        review: i.due ? { dueOn: i.due, ...reviewState(i.due, today) } : null,
      }))}
    />
  );
}
