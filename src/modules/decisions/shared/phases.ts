/** The phases of a question, in order. */
export const PHASES = ["draft", "discussion", "frozen", "voting", "closed", "cancelled"] as const;
export type Phase = (typeof PHASES)[number];

/** Phase lengths of a set of voting rules, in days. */
export interface PhaseLengths {
  discussionDays: number;
  frozenDays: number;
  votingDays: number;
}

/** The phase that follows, or null when the question is over. */
export function nextPhase(phase: Phase): Phase | null {
  switch (phase) {
    case "draft":
      return "discussion";
    case "discussion":
      return "frozen";
    case "frozen":
      return "voting";
    case "voting":
      return "closed";
    default:
      return null;
  }
}

/** When a phase entered at `start` ends (null: it has no end of its own). */
export function phaseEnd(phase: Phase, start: Date, lengths: PhaseLengths): Date | null {
  const days =
    phase === "discussion"
      ? lengths.discussionDays
      : phase === "frozen"
        ? lengths.frozenDays
        : phase === "voting"
          ? lengths.votingDays
          : null;
  return days == null ? null : new Date(start.getTime() + days * 86400_000);
}

/** What may change in each phase (enforced by the commands). */
export const ALLOWED = {
  /** add alternatives, edit their texts */
  editTexts: (p: Phase) => p === "draft" || p === "discussion",
  /** write and rate suggestions */
  suggest: (p: Phase) => p === "discussion",
  /** support or stop supporting an alternative */
  support: (p: Phase) => p === "draft" || p === "discussion" || p === "frozen" || p === "voting",
  /** cast or change ballots */
  vote: (p: Phase) => p === "voting",
  /** change question-scoped delegations */
  delegate: (p: Phase) => p !== "closed" && p !== "cancelled",
  /** cancel the question */
  cancel: (p: Phase) => p !== "closed" && p !== "cancelled",
};

/** Highest and lowest grade offered for a question with n alternatives. */
export function gradeRange(n: number): { min: number; max: number } {
  return { min: -2, max: Math.max(1, n) };
}

/** Checks a ballot's grades: integers within range for known alternatives; returns the clean map or an error key. */
export function cleanGrades(
  raw: Record<string, string | number | undefined>,
  alternativeIds: number[],
): { ok: true; grades: Record<string, number> } | { ok: false; error: "grade" } {
  const { min, max } = gradeRange(alternativeIds.length);
  const grades: Record<string, number> = {};
  for (const id of alternativeIds) {
    const v = raw[String(id)];
    if (v === undefined || v === "") continue;
    const n = typeof v === "number" ? v : Number(v);
    if (!Number.isInteger(n) || n < min || n > max) return { ok: false, error: "grade" };
    if (n !== 0) grades[String(id)] = n;
  }
  return { ok: true, grades };
}
