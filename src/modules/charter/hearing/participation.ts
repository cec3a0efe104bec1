// The hearing report: who took part from which village, and what the hearing changed. No I/O.

/** A comment as the report counts it. */
export interface HearingComment {
  authorId: number | null;
  authorName: string;
  villageId: number | null;
  kind: "comment" | "suggestion";
  status: "open" | "accepted" | "declined";
  phase: "draft" | "hearing";
}

/** Participation of one village (null: village not known). */
export interface VillageParticipation {
  villageId: number | null;
  people: number;
  comments: number;
  suggestions: number;
  accepted: number;
}

/**
 * Counts the hearing's participants, comments and suggestions per village. A person with an
 * account counts once (in the village recorded on the comment, else their member village); a
 * person without one is told apart by name and village.
 */
export function participation(
  comments: HearingComment[],
  memberVillage: ReadonlyMap<number, number | null>,
): {
  byVillage: Map<number | null, VillageParticipation>;
  people: number;
  villagesReached: number;
} {
  const byVillage = new Map<number | null, VillageParticipation>();
  const seen = new Map<number | null, Set<string>>();
  const everyone = new Set<string>();
  for (const c of comments) {
    if (c.phase !== "hearing") continue;
    const village =
      c.villageId ?? (c.authorId != null ? (memberVillage.get(c.authorId) ?? null) : null);
    const who =
      c.authorId != null
        ? `u${c.authorId}`
        : `n${c.authorName.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase()}|${village ?? ""}`;
    let row = byVillage.get(village);
    if (!row) {
      row = { villageId: village, people: 0, comments: 0, suggestions: 0, accepted: 0 };
      byVillage.set(village, row);
      seen.set(village, new Set());
    }
    const people = seen.get(village)!;
    if (!people.has(who)) {
      people.add(who);
      row.people++;
    }
    everyone.add(who);
    if (c.kind === "suggestion") row.suggestions++;
    else row.comments++;
    if (c.status === "accepted") row.accepted++;
  }
  const villagesReached = [...byVillage.keys()].filter((k) => k !== null).length;
  return { byVillage, people: everyone.size, villagesReached };
}
