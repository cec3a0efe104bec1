import type { Tambon } from "../../../core/tenancy.ts";
import type { tambonLinks } from "../schema.ts";

/** A declaration row of network_tambon_links. */
export type LinkRow = typeof tambonLinks.$inferSelect;
type Relation = LinkRow["relation"];

/** The relation the other tambon declares to confirm one: mentor ↔ member, peer ↔ peer. */
export function reciprocal(r: Relation): Relation {
  return r === "mentor_of" ? "member_of" : r === "member_of" ? "mentor_of" : "peer";
}

/** How a link reads from one tambon's side, with the declarations of both sides. */
export interface LinkView {
  code: string;
  nameTh: string;
  nameEn: string;
  provinceTh: string;
  provinceEn: string;
  /** Our relation to them: we mentor them, we are their member, or peers. */
  relation: Relation;
  ours: LinkRow | null;
  theirs: LinkRow | null;
  /** The other tambon when it is on the platform. */
  tambon: Tambon | null;
}

/**
 * The links of a tambon seen from its side: its own declarations and those other tambons made
 * about it, merged so that a link both sides declared shows once (and reads as confirmed).
 */
export function linksOfTambon(
  tambon: Pick<Tambon, "id" | "dopaCode">,
  rows: LinkRow[],
  byCode: (code: string) => Tambon | undefined,
  byId: (id: number) => Tambon | undefined,
): LinkView[] {
  const views = new Map<string, LinkView>();
  for (const row of rows) {
    const ours = row.tambonId === tambon.id;
    if (!ours && row.otherDopaCode !== tambon.dopaCode) continue;
    const owner = ours ? undefined : byId(row.tambonId);
    if (!ours && !owner) continue;
    const code = ours ? row.otherDopaCode : owner!.dopaCode;
    const relation = ours ? row.relation : reciprocal(row.relation);
    const key = `${code}:${relation}`;
    const v: LinkView = views.get(key) ?? {
      code,
      nameTh: ours ? row.otherNameTh : owner!.nameTh,
      nameEn: ours ? row.otherNameEn : owner!.nameEn,
      provinceTh: ours ? row.otherProvinceTh : owner!.provinceTh,
      provinceEn: ours ? row.otherProvinceEn : owner!.provinceEn,
      relation,
      ours: null,
      theirs: null,
      tambon: byCode(code) ?? null,
    };
    if (ours) v.ours = row;
    else v.theirs = row;
    views.set(key, v);
  }
  const order = { mentor_of: 0, member_of: 1, peer: 2 } as const;
  return [...views.values()].sort(
    (a, b) => order[a.relation] - order[b.relation] || a.nameTh.localeCompare(b.nameTh, "th"),
  );
}
