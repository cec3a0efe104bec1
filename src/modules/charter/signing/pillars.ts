import defaults from "../../../../seed/defaults.json" with { type: "json" };
import type { DbOrTx } from "../../../core/db/index.ts";
import { lookup } from "../../../core/install.ts";
import type { NamedItem } from "../../../core/modules.ts";

/** The platform's default pillars (seed/defaults.json), used when a tambon has none of its own. */
export const DEFAULT_PILLARS: readonly string[] = defaults.pillars_defaultAssumption.items;

/**
 * The pillars (เสาหลัก) a tambon's signatories sign for: the tambon's own list from the network
 * module, else the defaults. Each signatory keeps the pillar's name as text, so a signed page stays
 * as it was signed when the list changes later.
 */
export async function pillarsOf(db: DbOrTx, tambonId: number): Promise<string[]> {
  const own = (await lookup<NamedItem[]>("pillars")?.(db, tambonId)) ?? [];
  return own.length ? own.map((p) => p.nameTh) : [...DEFAULT_PILLARS];
}
