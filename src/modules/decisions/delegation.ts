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
  rows: DelegationRow[],
  memberId: number,
  question: { id: number; areaId: number },
  voted: ReadonlySet<number>,
  hasRight: (id: number) => boolean,
): VotePath {
  const path = [memberId];
  if (voted.has(memberId)) return { path, end: "votes" };
  const seen = new Set(path);
  let current = memberId;
  for (;;) {
    const next = applicableTrustee(rows, current, question);
    if (next === null) return { path, end: current === memberId ? "none" : "no-voter-yet" };
    if (seen.has(next)) return { path: [...path, next], end: "loop" };
    path.push(next);
    seen.add(next);
    if (!hasRight(next)) return { path, end: "no-right" };
    if (voted.has(next)) return { path, end: "reaches-voter" };
    current = next;
  }
}

/** Members whose applicable delegation for the question reaches `memberId`, as a tree of trusters. */
export function trustersOf(
  rows: DelegationRow[],
  memberId: number,
  question: { id: number; areaId: number },
  members: number[],
): { id: number; via: number[] }[] {
  const byTrustee = new Map<number, number[]>();
  for (const m of members) {
    const t = applicableTrustee(rows, m, question);
    if (t !== null) byTrustee.set(t, [...(byTrustee.get(t) ?? []), m]);
  }
  const out: { id: number; via: number[] }[] = [];
  const seen = new Set([memberId]);
  const queue: { id: number; via: number[] }[] = [{ id: memberId, via: [] }];
  while (queue.length) {
    const cur = queue.shift()!;
    for (const t of byTrustee.get(cur.id) ?? []) {
      if (seen.has(t)) continue;
      seen.add(t);
      const entry = { id: t, via: [...cur.via, cur.id].filter((x) => x !== memberId) };
      out.push(entry);
      queue.push(entry);
    }
  }
  return out;
}
