/** A current delegation as the delegation rules see it. */
export interface DelegationRow {
  trusterId: number;
  trusteeId: number | null;
  scope: "tambon" | "area" | "question";
  areaId: number | null;
  questionId: number | null;
}

/**
 * The delegation that applies to a member for a question: the question one, else the area one,
 * else the tambon one; a question or area delegation with no trustee blocks the broader ones.
 */
export function applicableTrustee(
  rows: DelegationRow[],
  memberId: number,
  question: { id: number; areaId: number },
): number | null {
  const mine = rows.filter((r) => r.trusterId === memberId);
  const q = mine.find((r) => r.scope === "question" && r.questionId === question.id);
  if (q) return q.trusteeId;
  const a = mine.find((r) => r.scope === "area" && r.areaId === question.areaId);
  if (a) return a.trusteeId;
  return mine.find((r) => r.scope === "tambon")?.trusteeId ?? null;
}

/** Every member's applicable delegation for one question: truster → trustee (null: none here). */
export type TrusteeMap = Map<number, number | null>;

/**
 * The applicable delegation of every member for a question at once, in one pass over the rows
 * (the same precedence as applicableTrustee: question, else area, else tambon).
 */
export function applicableTrustees(
  rows: DelegationRow[],
  question: { id: number; areaId: number },
): TrusteeMap {
  const level = new Map<number, number>();
  const out: TrusteeMap = new Map();
  for (const r of rows) {
    const l =
      r.scope === "question"
        ? r.questionId === question.id
          ? 3
          : 0
        : r.scope === "area"
          ? r.areaId === question.areaId
            ? 2
            : 0
          : 1;
    if (l === 0 || (level.get(r.trusterId) ?? 0) >= l) continue;
    level.set(r.trusterId, l);
    out.set(r.trusterId, r.trusteeId);
  }
  return out;
}

/** Where a member's vote goes now: the path of trustees, and how it ends. */
export interface VotePath {
  path: number[];
  end: "votes" | "none" | "reaches-voter" | "no-voter-yet" | "loop" | "no-right";
}

/**
 * Follows a member's applicable delegations for a question (the preview of where the vote will
 * go): stops at the first member who has voted, at a loop, at someone without voting right, or
 * at a member who neither votes nor delegates.
 */
export function previewPath(
  trustees: TrusteeMap,
  memberId: number,
  voted: ReadonlySet<number>,
  hasRight: (id: number) => boolean,
): VotePath {
  const path = [memberId];
  if (voted.has(memberId)) return { path, end: "votes" };
  const seen = new Set(path);
  let current = memberId;
  for (;;) {
    const next = trustees.get(current) ?? null;
    if (next === null) return { path, end: current === memberId ? "none" : "no-voter-yet" };
    if (seen.has(next)) return { path: [...path, next], end: "loop" };
    path.push(next);
    seen.add(next);
    if (!hasRight(next)) return { path, end: "no-right" };
    if (voted.has(next)) return { path, end: "reaches-voter" };
    current = next;
  }
}

/** The reverse delegation graph of one question: trustee → trusters with voting right (by id). */
export function reverseGraph(
  trustees: TrusteeMap,
  hasRight: (id: number) => boolean,
): Map<number, number[]> {
  const byTrustee = new Map<number, number[]>();
  for (const [truster, trustee] of trustees) {
    if (trustee === null || !hasRight(truster)) continue;
    const list = byTrustee.get(trustee);
    if (list) list.push(truster);
    else byTrustee.set(trustee, [truster]);
  }
  for (const list of byTrustee.values()) list.sort((a, b) => a - b);
  return byTrustee;
}

/**
 * Members whose vote reaches `memberId` through delegation, as a tree of trusters: the walk
 * stops at members who voted themselves (their vote ends with them, and so do the chains
 * through them), as the count at closing would.
 */
export function trustersOf(
  byTrustee: Map<number, number[]>,
  memberId: number,
  voted: ReadonlySet<number>,
): { id: number; via: number[] }[] {
  const out: { id: number; via: number[] }[] = [];
  const seen = new Set([memberId]);
  const queue: { id: number; via: number[] }[] = [{ id: memberId, via: [] }];
  for (let head = 0; head < queue.length; head++) {
    const cur = queue[head]!;
    for (const t of byTrustee.get(cur.id) ?? []) {
      if (seen.has(t) || voted.has(t)) continue;
      seen.add(t);
      const entry = { id: t, via: cur.id === memberId ? [] : [...cur.via, cur.id] };
      out.push(entry);
      queue.push(entry);
    }
  }
  return out;
}
