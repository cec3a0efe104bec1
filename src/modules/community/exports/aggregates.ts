import type { Tambon } from "../../../core/tenancy.ts";
import { BAND_COUNT, bandLabel } from "../figures/pyramid.ts";
import type { CommunityFigures } from "../figures/load.ts";
import type { QuestionRow } from "../figures/aggregate.ts";
import { pick } from "../../../core/pick.ts";
import type { Label } from "../forms/definition.ts";

/** The version of the community open-data format (docs/open-data-community.md). */
export const OPEN_DATA_FORMAT = "tambon-community/1";

/** A cell of a published table: a number, or "<5" for a hidden count. */
const out = (n: number | null, hidden = true) => (n === null ? (hidden ? "<5" : "") : n);

/** The header of the figures as a table (CSV and XLSX). */
export const FIGURE_COLUMNS = [
  "section",
  "moo",
  "village",
  "form",
  "round",
  "question",
  "choice",
  "count",
  "answered",
  "rate_percent",
  "mean",
  "year",
  "code",
  "label",
  "denominator",
];

/**
 * The published figures as one long table (one row a number), for CSV and XLSX: villages'
 * households and people, the pyramid's bands, each question's counts per village and round, and
 * the figures imported. Hidden counts are "<5"; no names, no houses.
 */
export function figureRows(data: CommunityFigures): (string | number)[][] {
  const village = new Map(data.villages.map((v) => [v.id, v]));
  const where = (id: number | null) => {
    const v = id === null ? undefined : village.get(id);
    return v ? [v.moo, v.nameTh] : ["", "ทั้งตำบล"];
  };
  const blank = (n: number) => new Array<string>(n).fill("");
  const rows: (string | number)[][] = [];
  for (const v of data.villages) {
    rows.push(["households", v.moo, v.nameTh, "", "", "", "", out(v.households), ...blank(7)]);
    rows.push(["people", v.moo, v.nameTh, "", "", "", "", out(v.people), ...blank(7)]);
  }
  rows.push(["households", "", "ทั้งตำบล", "", "", "", "", out(data.totals.households), ...blank(7)]);
  rows.push(["people", "", "ทั้งตำบล", "", "", "", "", out(data.totals.people), ...blank(7)]);
  for (let b = 0; b < BAND_COUNT; b++)
    for (const sex of ["male", "female"] as const)
      rows.push([
        "pyramid",
        "",
        "",
        "",
        "",
        bandLabel(b),
        sex,
        out(data.pyramid[sex][b] ?? null),
        ...blank(7),
      ]);
  for (const f of data.forms)
    for (const q of f.questions) {
      const rounds = q.trend.length ? q.trend.map((x) => x.round.name) : [q.round?.name ?? ""];
      const latest = q.round?.name ?? "";
      // A row a choice, or one row with the mean for a number.
      const answerRows = (section: string, round: string, r: QuestionRow) => {
        for (const c of r.cells.length ? r.cells : [null])
          rows.push([
            section,
            ...where(r.villageId),
            f.title,
            round,
            q.name,
            c?.value ?? "",
            c ? out(c.count) : "",
            out(r.answered),
            c?.rate ?? "",
            c ? "" : (r.mean ?? ""),
            ...blank(4),
          ]);
      };
      for (const r of q.rows) answerRows("answers", latest, r);
      if (rounds.length > 1) for (const x of q.trend) answerRows("trend", x.round.name, x.row);
    }
  for (const f of data.figures)
    rows.push([
      "figures",
      ...where(f.villageId),
      "",
      "",
      "",
      "",
      out(f.numerator),
      "",
      f.rate ?? "",
      "",
      f.year,
      f.code,
      f.label,
      f.denominator === null ? "" : f.denominator,
    ]);
  return rows;
}

/** A question or a choice of the open data: its name and its label in Thai and English. */
const named = (x: { name: string; label: Label }) => ({
  name: x.name,
  labelTh: x.label.th,
  labelEn: x.label.en ?? null,
});

/**
 * The tambon's community open data: aggregates only, suppressed as the pages are (a hidden
 * count is null), with the villages they are about. Built field by field: no names, houses, ids
 * of people or answers of one household.
 */
export function openData(input: {
  tambon: Pick<Tambon, "slug" | "dopaCode" | "nameTh" | "nameEn" | "districtTh" | "provinceTh">;
  generatedAt: Date;
  data: CommunityFigures;
}) {
  const { data } = input;
  const t = input.tambon;
  return {
    format: OPEN_DATA_FORMAT,
    generatedAt: input.generatedAt.toISOString(),
    suppression: { below: 5, hiddenAs: null, complementary: true },
    tambon: {
      ...pick(t, "slug", "dopaCode", "nameTh", "nameEn", "districtTh", "provinceTh"),
      households: data.totals.households,
      people: data.totals.people,
    },
    villages: data.villages.map((v) => ({
      ...pick(v, "id", "moo", "code", "nameTh", "nameEn", "households", "people"),
    })),
    pyramid: {
      bands: Array.from({ length: BAND_COUNT }, (_, b) => bandLabel(b)),
      male: data.pyramid.male,
      female: data.pyramid.female,
    },
    surveys: data.forms.map((f) => ({
      formId: f.id,
      title: f.title,
      questions: f.questions.map((q) => ({
        ...named(q),
        type: q.type,
        repeat: q.repeat,
        choices: q.choices.map(named),
        round: q.round?.name ?? null,
        villages: q.rows.map((r) => ({
          ...pick(r, "villageId", "answered", "mean"),
          counts: Object.fromEntries(r.cells.map((c) => [c.value, c.count])),
          ratePercent: Object.fromEntries(r.cells.map((c) => [c.value, c.rate])),
        })),
        trend: q.trend.map((x) => ({
          round: x.round.name,
          answered: x.row.answered,
          mean: x.row.mean,
          ratePercent: Object.fromEntries(x.row.cells.map((c) => [c.value, c.rate])),
        })),
      })),
    })),
    figures: data.figures.map((f) => ({
      ...pick(f, "villageId", "year", "code", "label", "numerator", "denominator"),
      ratePercent: f.rate,
    })),
  };
}
