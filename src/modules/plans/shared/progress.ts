import type { Rollup } from "./kinds.ts";
import { pick } from "../../../core/pick.ts";

/** A project as the roll-up sees it: its own progress, its weight and its sub-projects. */
export interface ProgressNode {
  id: number;
  progress: number;
  weight: number;
  rollup: Rollup;
  cancelled?: boolean;
  children: ProgressNode[];
}

const clamp = (n: number) => Math.max(0, Math.min(100, n));

/**
 * The progress shown for a project (0–100, rounded): its own when it has no sub-projects, else
 * the average of its sub-projects' shown progress, plain or weighted by their weights. Cancelled
 * sub-projects do not count; when all are cancelled, or all weights are zero, its own progress
 * is shown.
 */
export function rolledUpProgress(node: ProgressNode): number {
  const counted = node.children.filter((c) => !c.cancelled);
  if (!counted.length) return Math.round(clamp(node.progress));
  const values = counted.map((c) => ({ p: rolledUpProgress(c), w: Math.max(0, c.weight) }));
  if (node.rollup === "weighted") {
    const total = values.reduce((s, v) => s + v.w, 0);
    if (total <= 0) return Math.round(clamp(node.progress));
    return Math.round(clamp(values.reduce((s, v) => s + v.p * v.w, 0) / total));
  }
  return Math.round(clamp(values.reduce((s, v) => s + v.p, 0) / values.length));
}

/**
 * Builds the trees of a plan's projects from flat rows (a row whose parent is missing, or that
 * would close a loop, becomes a root) and returns the shown progress of every project by id.
 */
export function progressById(
  rows: readonly {
    id: number;
    parentId: number | null;
    progress: number;
    weight: number;
    rollup: Rollup;
    status: string;
  }[],
): Map<number, number> {
  const nodes = new Map<number, ProgressNode>();
  for (const r of rows)
    nodes.set(r.id, {
      ...pick(r, "id", "progress", "weight", "rollup"),
      cancelled: r.status === "cancelled",
      children: [],
    });
  for (const r of rows) {
    if (r.parentId == null || !nodes.has(r.parentId)) continue;
    // Refuse a loop: walk up from the parent; if we reach this row, leave it a root.
    let up: number | null = r.parentId;
    const seen = new Set<number>();
    let loops = false;
    while (up != null && !seen.has(up)) {
      if (up === r.id) {
        loops = true;
        break;
      }
      seen.add(up);
      up = rows.find((x) => x.id === up)?.parentId ?? null;
    }
    if (!loops) nodes.get(r.parentId)!.children.push(nodes.get(r.id)!);
  }
  const out = new Map<number, number>();
  for (const [id, node] of nodes) out.set(id, rolledUpProgress(node));
  return out;
}
