import type { EditionSnapshot, SnapshotProject } from "../shared/kinds.ts";

/** A project whose budget differs between two editions: per fiscal year, before and after. */
export interface BudgetChange {
  project: SnapshotProject;
  before: number;
  after: number;
  years: { year: number; before: number; after: number }[];
}

/** What changed from one edition's snapshot to another's. */
export interface EditionDiff {
  added: SnapshotProject[];
  removed: SnapshotProject[];
  budgetChanged: BudgetChange[];
}

const total = (p: SnapshotProject) => Object.values(p.budgets).reduce((a, b) => a + b, 0);
const cents = (n: number) => Math.round(n * 100);

/**
 * The differences between two snapshots: projects added, removed, and those whose budget changed
 * in any fiscal year (compared to the satang).
 */
export function diffSnapshots(
  from: EditionSnapshot | null,
  to: EditionSnapshot | null,
): EditionDiff {
  const a = new Map((from?.projects ?? []).map((p) => [p.id, p]));
  const b = new Map((to?.projects ?? []).map((p) => [p.id, p]));
  const added = [...b.values()].filter((p) => !a.has(p.id));
  const removed = [...a.values()].filter((p) => !b.has(p.id));
  const budgetChanged: BudgetChange[] = [];
  for (const [id, after] of b) {
    const before = a.get(id);
    if (!before) continue;
    const years = [...new Set([...Object.keys(before.budgets), ...Object.keys(after.budgets)])]
      .map(Number)
      .sort((x, y) => x - y)
      .map((year) => ({
        year,
        before: before.budgets[year] ?? 0,
        after: after.budgets[year] ?? 0,
      }))
      .filter((y) => cents(y.before) !== cents(y.after));
    if (years.length)
      budgetChanged.push({ project: after, before: total(before), after: total(after), years });
  }
  const bySeq = (x: SnapshotProject, y: SnapshotProject) => x.seq - y.seq || x.id - y.id;
  return {
    added: added.sort(bySeq),
    removed: removed.sort(bySeq),
    budgetChanged: budgetChanged.sort((x, y) => bySeq(x.project, y.project)),
  };
}
