import type { Label, Question } from "../forms/definition.ts";
import type { AnswerCount, OpenForm } from "./queries.ts";
import { countedQuestions } from "./queries.ts";
import { hiddenTable, publishedMean, publishedRate, suppressRow } from "./suppress.ts";
import { pick } from "../../../core/pick.ts";

/** A choice's published count and share of those who answered (null: hidden). */
export interface ChoiceCell {
  value: string;
  count: number | null;
  rate: number | null;
}

/** One village's (or the tambon's, `villageId` null) published answers to a question. */
export interface QuestionRow {
  villageId: number | null;
  answered: number | null;
  cells: ChoiceCell[];
  /** For numbers: the mean (null when hidden or no answers). */
  mean: number | null;
}

/** A question's published figures: the latest round per village and the trend across rounds. */
export interface QuestionFigures {
  name: string;
  label: Label;
  type: Question["type"];
  /** The repeat group it is asked in (counted once per entry, e.g. per member), or null. */
  repeat: string | null;
  choices: { name: string; label: Label }[];
  /** The round of `rows` (null when the form has no rounds). */
  round: { id: number; name: string } | null;
  /** Each village, then the tambon. */
  rows: QuestionRow[];
  /** The tambon's row (or the chosen village's) in each round, oldest first. */
  trend: { round: { id: number; name: string }; row: QuestionRow }[];
}

const YES_NO = [
  { name: "yes", label: { th: "ใช่", en: "Yes" } },
  { name: "no", label: { th: "ไม่ใช่", en: "No" } },
];

const isNumber = (q: Question) => q.type === "integer" || q.type === "decimal";

/**
 * One round's table of a question: villages × choices with the number who answered, suppressed
 * as one table (rows and columns have shown totals), and the tambon's row (sums, suppressed).
 */
function roundTable(
  q: Question,
  choices: readonly { name: string }[],
  counts: readonly AnswerCount[],
  villageIds: readonly number[],
): QuestionRow[] {
  const key = (v: number, value: string | null) => `${v}|${value ?? ""}`;
  const n = new Map<string, number>();
  const sum = new Map<number, number>();
  for (const c of counts) {
    if (c.question !== q.name) continue;
    n.set(key(c.villageId, c.value), (n.get(key(c.villageId, c.value)) ?? 0) + c.n);
    if (c.value === null && c.sum !== null)
      sum.set(c.villageId, (sum.get(c.villageId) ?? 0) + c.sum);
  }
  const values = isNumber(q) ? [] : choices.map((c) => c.name);
  const matrix = villageIds.map((v) => [
    ...values.map((x) => n.get(key(v, x)) ?? 0),
    n.get(key(v, null)) ?? 0,
  ]);
  const hidden = hiddenTable(matrix);
  const rows: QuestionRow[] = villageIds.map((v, r) => {
    const answered = hidden[r]![values.length] ? null : matrix[r]![values.length]!;
    return {
      villageId: v,
      answered,
      cells: values.map((value, c) => {
        const count = hidden[r]![c] ? null : matrix[r]![c]!;
        return { value, count, rate: publishedRate(count, answered ?? 0) };
      }),
      mean: isNumber(q) && answered !== null ? publishedMean(sum.get(v) ?? 0, answered) : null,
    };
  });
  const totals = values.map((_, c) => matrix.reduce((a, row) => a + row[c]!, 0));
  const answeredAll = matrix.reduce((a, row) => a + row[values.length]!, 0);
  const shown = suppressRow([...totals, answeredAll]);
  const tambonAnswered = shown[values.length] ?? null;
  const sumAll = [...sum.values()].reduce((a, b) => a + b, 0);
  rows.push({
    villageId: null,
    answered: tambonAnswered,
    cells: values.map((value, c) => ({
      value,
      count: shown[c] ?? null,
      rate: publishedRate(shown[c] ?? null, tambonAnswered ?? 0),
    })),
    mean: isNumber(q) && tambonAnswered !== null ? publishedMean(sumAll, tambonAnswered) : null,
  });
  return rows;
}

/**
 * The published figures of an open form's questions. Every table is suppressed at the tambon's
 * level, then a village page picks its own rows (`scope`), so no page shows a count another
 * page hides.
 */
export function formFigures(
  form: OpenForm,
  counts: readonly AnswerCount[],
  villageIds: readonly number[],
  scope: number | null = null,
): QuestionFigures[] {
  const withAnswers = new Set(counts.map((c) => c.roundId));
  const roundsUsed = form.rounds.filter((r) => withAnswers.has(r.id));
  const latest = roundsUsed[roundsUsed.length - 1] ?? null;
  const ofRound = (id: number | null) => counts.filter((c) => c.roundId === id);
  const pickRow = (rows: QuestionRow[]) => rows.find((r) => r.villageId === scope)!;
  return countedQuestions(form.definition.items).map((q) => {
    const choices =
      q.type === "yesno"
        ? YES_NO
        : isNumber(q)
          ? []
          : (form.definition.choices[q.list ?? ""] ?? []);
    const rows = roundTable(q, choices, ofRound(latest ? latest.id : null), villageIds);
    return {
      ...pick(q, "name", "label", "type"),
      repeat: q.repeat ?? null,
      choices,
      round: latest,
      rows: scope === null ? rows : rows.filter((r) => r.villageId === scope),
      trend: roundsUsed.map((round) => ({
        round,
        row: pickRow(roundTable(q, choices, ofRound(round.id), villageIds)),
      })),
    };
  });
}
