import type { DbOrTx } from "../../../core/db/index.ts";
import type { Lang } from "../../../core/i18n/index.ts";
import { villageOptions } from "../../../core/queries/villages.ts";
import { areaName, listAreas } from "../../areas/public.ts";
import { listPartners, partnerName } from "../../network/public.ts";
import { listStrategies, strategyName, type Plan } from "../plans/queries.ts";
import { parentChoices } from "./queries.ts";
import type { ProjectChoices } from "./views/form.tsx";

/** The choices of a project's form: issue areas and villages; for staff, strategies, parents and partners. */
export async function projectChoices(
  db: DbOrTx,
  tambonId: number,
  plan: Plan,
  lang: Lang,
  staff: { projectId: number } | null,
): Promise<ProjectChoices> {
  const [areas, villages] = await Promise.all([
    listAreas(db, tambonId),
    villageOptions(db, tambonId, lang),
  ]);
  const out: ProjectChoices = {
    areas: areas.map((a) => ({ value: String(a.id), label: areaName(a, lang) })),
    villages,
  };
  if (!staff) return out;
  const [strategies, parents, partners] = await Promise.all([
    listStrategies(db, tambonId, plan.id),
    parentChoices(db, tambonId, plan.id),
    listPartners(db, tambonId),
  ]);
  out.staff = {
    strategies: strategies.map((s) => ({ value: String(s.id), label: strategyName(s) })),
    parents: parents
      .filter((p) => p.id !== staff.projectId)
      .map((p) => ({ value: String(p.id), label: `${p.seq}. ${p.title}` })),
    partners: partners.map((p) => ({ value: String(p.id), label: partnerName(p, lang) })),
  };
  return out;
}
