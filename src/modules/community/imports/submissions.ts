import { eq } from "drizzle-orm";
import type { Db } from "../../../core/db/index.ts";
import { audit } from "../../../core/audit.ts";
import { arabicDigits } from "../../../core/dates.ts";
import { listVillages } from "../../../core/queries/villages.ts";
import { normaliseHeader, type ImportField } from "../../../core/imports.ts";
import { fail, ok, type Result } from "../../../core/result.ts";
import { msg } from "../messages.ts";
import { formVersions, forms, households, rounds, submissions } from "../schema.ts";
import type {
  Answers,
  AnswerValue,
  FormDefinition,
  FormItem,
  Question,
} from "../forms/definition.ts";
import { cleanAnswers, geopointOf, validateAnswers } from "../forms/logic.ts";
import { formatLogicError } from "../forms/logic-messages.ts";
import { ofCurrentVersion } from "../forms/queries.ts";
import { dayOf, villageIdOf, villagesByMoo } from "./cells.ts";
import { column, type AuditedImporter, type Key } from "./importer.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** A sheet of a workbook beside the main one: a repeat group's entries, by `_parent_index`. */
export interface RepeatSheet {
  name: string;
  headers: string[];
  rows: { line: number; cells: string[] }[];
}

/** A submission read from an ODK/Kobo export. */
export interface SubmissionRow {
  clientId: string;
  villageId: number;
  householdId: number | null;
  answers: Answers;
  collectedAt: Date | null;
}

/** What is stored under a client id. */
interface StoredSubmission {
  villageId: number;
  householdId: number | null;
  answers: Answers;
}

/** Fields of the export's own columns (ODK/Kobo meta columns first). */
const META_FIELDS: ImportField[] = [
  column(
    "_uuid",
    "imp.field.clientId",
    ["meta/instanceID", "instanceID", "uuid", "KEY", "_id_uuid"],
    true,
  ),
  column("_household", "imp.field.houseKey", ["household", "ครัวเรือน"]),
  column("_village", "imp.field.village", ["village", "moo", "หมู่"]),
  column("_submission_time", "imp.field.submittedAt", ["SubmissionDate", "end", "_submitted_at"]),
  { name: "_index", label: { th: "_index", en: "_index" } },
];

/** A form's questions with their group path ("living/clean_water") and their repeat (if any). */
function questionPaths(items: readonly FormItem[], prefix = "", repeat: string | null = null) {
  const out: { q: Question; path: string; repeat: string | null }[] = [];
  for (const it of items) {
    const path = prefix ? `${prefix}/${it.name}` : it.name;
    if (it.kind === "question") {
      if (it.type !== "note" && it.type !== "image") out.push({ q: it, path, repeat });
    } else out.push(...questionPaths(it.items, path, it.kind === "repeat" ? it.name : repeat));
  }
  return out;
}

const YES = new Set(["yes", "1", "true", "ใช่", "มี", "y"]);
const NO = new Set(["no", "0", "false", "ไม่ใช่", "ไม่มี", "n"]);

/** One cell as the answer to a question: the value, nothing (empty), or why not. */
export function answerOf(
  q: Question,
  raw: string,
  def: FormDefinition,
): { value?: AnswerValue; error?: Key; vars?: Record<string, string> } {
  const s = raw.trim();
  if (s === "" || s === "n/a") return {};
  const choices = new Set((def.choices[q.list ?? ""] ?? []).map((c) => c.name));
  switch (q.type) {
    case "text":
      return s.length > 2000 ? { error: "imp.tooLong", vars: { max: "2000" } } : { value: s };
    case "integer": {
      const t = arabicDigits(s).replace(/,/g, "");
      return /^-?\d{1,9}$/.test(t) ? { value: Number(t) } : { error: "imp.numberInvalid" };
    }
    case "decimal": {
      const t = arabicDigits(s).replace(/,/g, "");
      return /^-?\d{1,12}(\.\d+)?$/.test(t) ? { value: Number(t) } : { error: "imp.numberInvalid" };
    }
    case "yesno": {
      const t = s.toLowerCase();
      if (YES.has(t)) return { value: "yes" };
      if (NO.has(t)) return { value: "no" };
      return { error: "imp.choiceUnknown", vars: { value: s } };
    }
    case "select_one":
      return choices.has(s) ? { value: s } : { error: "imp.choiceUnknown", vars: { value: s } };
    case "select_multiple": {
      const list = s.split(/\s+/);
      const bad = list.find((x) => !choices.has(x));
      return bad ? { error: "imp.choiceUnknown", vars: { value: bad } } : { value: list };
    }
    case "date": {
      // A day, or the day of a moment as ODK and Kobo export it (2024-01-15T09:30:00.000+07:00).
      const moment = /^(\d{4}-\d{2}-\d{2})T[\d:.]+(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
      const d = dayOf(moment ? moment[1]! : s);
      return d ? { value: d } : { error: "imp.dateInvalid" };
    }
    case "geopoint": {
      const point = geopointOf(s);
      return point
        ? { value: `${point[0]} ${point[1]}` }
        : { error: "imp.answerInvalid", vars: { reason: s } };
    }
    default:
      return {};
  }
}

/** Stable JSON of answers (keys sorted) to tell a changed submission from the same one. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object")
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(v);
}

/**
 * The importer of an ODK/Kobo export into a form's current version and a round. A column is a
 * question by its name or its group path; `_uuid` (or `meta/instanceID`) is the client id, so a
 * second import changes nothing; a workbook's other sheets are repeat groups whose rows join
 * their submission by `_parent_index` = its `_index`. Each submission's answers are checked with
 * the form's own rules (required, constraints, skip logic).
 */
export async function submissionImporter(
  db: Db,
  tambonId: number,
  actorId: number | null,
  filename: string,
  opts: { formId: number; roundId: number; headers: string[]; repeatSheets?: RepeatSheet[] },
): Promise<Result<AuditedImporter<SubmissionRow, StoredSubmission>, Key>> {
  const [form] = await db
    .select({ id: forms.id, versionId: formVersions.id, definition: formVersions.definition })
    .from(forms)
    .innerJoin(formVersions, ofCurrentVersion)
    .where(tambonWhere(forms, tambonId, { id: opts.formId }));
  if (!form) return fail("form", "imp.formMissing");
  const [round] = await db
    .select({ id: rounds.id })
    .from(rounds)
    .where(tambonWhere(rounds, tambonId, { id: opts.roundId, formId: form.id }));
  if (!round) return fail("round", "imp.roundMissing");
  const def = form.definition;
  const byMoo = villagesByMoo(await listVillages(db, tambonId));
  const houses = await db
    .select({ ...pick(households, "id", "villageId", "houseNo") })
    .from(households)
    .where(eq(households.tambonId, tambonId));
  const mooOfVillage = new Map([...byMoo].map(([moo, id]) => [id, moo]));
  const house = new Map(houses.map((h) => [`${mooOfVillage.get(h.villageId)}/${h.houseNo}`, h]));
  const paths = questionPaths(def.items);
  const top = paths.filter((p) => p.repeat === null);
  const fields: ImportField[] = [
    ...META_FIELDS,
    ...top.map((p) => ({
      name: p.q.name,
      label: { th: p.q.label.th, en: p.q.label.en ?? p.q.label.th },
      aliases: [p.path],
    })),
  ];
  // Repeat entries by repeat name and parent _index, each entry with its sheet row.
  const repeats = new Map<string, Map<string, { line: number; cells: Record<string, string> }[]>>();
  for (const sheet of opts.repeatSheets ?? []) {
    const name = paths.find(
      (p) => p.repeat && normaliseHeader(p.repeat) === normaliseHeader(sheet.name),
    )?.repeat;
    if (!name) continue;
    const heads = sheet.headers.map((h) => h.split("/").pop()!.trim());
    const parentCol = heads.indexOf("_parent_index");
    if (parentCol < 0) continue;
    const byParent = new Map<string, { line: number; cells: Record<string, string> }[]>();
    for (const r of sheet.rows) {
      if (!r.cells.some((c) => c !== "")) continue;
      const cells = Object.fromEntries(heads.map((h, i) => [h, r.cells[i] ?? ""]));
      const parent = r.cells[parentCol] ?? "";
      byParent.set(parent, [...(byParent.get(parent) ?? []), { line: r.line, cells }]);
    }
    repeats.set(name, byParent);
  }
  return ok({
    fields,
    parse(cells) {
      const clientId = cells._uuid!.replace(/^uuid:/, "").trim();
      if (!/^[A-Za-z0-9-]{8,64}$/.test(clientId))
        return fail("_uuid", "imp.answerInvalid", { reason: clientId });
      let villageId: number | undefined;
      let householdId: number | null = null;
      const hh = arabicDigits(cells._household ?? "")
        .replace(/^(?:หมู่ที่|หมู่|ม\.|moo)\s*/i, "")
        .trim();
      if (hh) {
        const h = house.get(hh.replace(/\s*\/\s*/, "/"));
        if (!h)
          return fail("_household", "imp.householdUnknown", { value: cells._household ?? "" });
        householdId = h.id;
        villageId = h.villageId;
      } else if (cells._village) {
        villageId = villageIdOf(byMoo, cells._village);
        if (villageId === undefined)
          return fail("_village", "imp.unknownVillage", { moo: cells._village });
      }
      if (villageId === undefined) return fail("_household", "imp.needHousehold");
      const answers: Answers = {};
      for (const p of top) {
        const a = answerOf(p.q, cells[p.q.name] ?? "", def);
        if (a.error) return fail(p.q.name, a.error, a.vars);
        if (a.value !== undefined) answers[p.q.name] = a.value;
      }
      for (const [name, byParent] of repeats) {
        const entries = byParent.get(cells._index ?? "") ?? [];
        if (!entries.length) continue;
        const qs = paths.filter((p) => p.repeat === name);
        const list: Answers[] = [];
        for (const e of entries) {
          const entry: Answers = {};
          for (const p of qs) {
            const a = answerOf(p.q, e.cells[p.q.name] ?? "", def);
            if (a.error)
              return fail(p.q.name, "imp.repeatRows", {
                sheet: name,
                line: e.line,
                reason: msg.t("th")(a.error, a.vars),
              });
            if (a.value !== undefined) entry[p.q.name] = a.value;
          }
          list.push(entry);
        }
        answers[name] = list;
      }
      const kept = cleanAnswers(def, answers);
      const problems = validateAnswers(def, kept);
      if (problems.length) {
        const first = problems[0]!;
        return fail(first.path.split(/[[.]/)[0] || "_row", "imp.answerInvalid", {
          // The report is read in either language: the logic's reason in both.
          reason: `${first.path}: ${formatLogicError(first, "th")} / ${formatLogicError(first, "en")}`,
        });
      }
      const at = cells._submission_time ? new Date(cells._submission_time) : null;
      return ok({
        clientId,
        villageId,
        householdId,
        answers: kept,
        collectedAt: at && !Number.isNaN(at.getTime()) ? at : null,
      });
    },
    key: (r) => r.clientId,
    transaction: (fn) => db.transaction(fn),
    async current(tx, rows) {
      const out = new Map<string, StoredSubmission>();
      if (!rows.length) return out;
      const stored = await tx
        .select({
          ...pick(submissions, "clientId", "villageId", "householdId", "answers"),
        })
        .from(submissions)
        .where(
          tambonWhere(submissions, tambonId, { clientId: anyOf(rows.map((r) => r.clientId)) }),
        );
      for (const s of stored) out.set(s.clientId, s);
      return out;
    },
    same: (a, b) =>
      a.villageId === b.villageId &&
      a.householdId === b.householdId &&
      canonical(a.answers) === canonical(b.answers),
    async write(tx, changes) {
      const fresh = changes.filter((c) => !c.current);
      if (fresh.length)
        await tx.insert(submissions).values(
          fresh.map(({ row }) => ({
            tambonId,
            clientId: row.clientId,
            formId: form.id,
            formVersionId: form.versionId,
            roundId: round.id,
            ...pick(row, "villageId", "householdId", "answers"),
            submittedBy: actorId,
            collectedAt: row.collectedAt,
          })),
        );
      for (const c of changes.filter((x) => x.current))
        await tx
          .update(submissions)
          .set({
            ...pick(c.row, "villageId", "householdId", "answers"),
          })
          .where(tambonWhere(submissions, tambonId, { clientId: c.row.clientId }));
    },
    async finish(tx, counts) {
      await audit(tx, {
        tambonId,
        actorId,
        action: "community.submissions.import",
        targetType: "community_submissions",
        targetId: form.id,
        after: { filename, formId: form.id, roundId: round.id, ...counts },
      });
    },
  });
}
