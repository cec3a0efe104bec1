import { eq, isNull } from "drizzle-orm";
import type { Db } from "../../../core/db/index.ts";
import { audit } from "../../../core/audit.ts";
import { arabicDigits } from "../../../core/dates.ts";
import { listVillages } from "../../../core/queries/villages.ts";
import type { ImportField } from "../../../core/imports.ts";
import { fail, ok } from "../../../core/result.ts";
import { figures } from "../schema.ts";
import { isWholeTambon, numberOf, villageIdOf, villagesByMoo } from "./cells.ts";
import { column, type AuditedImporter } from "./importer.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** The columns of a figures file (จปฐ.-style summaries). */
export const FIGURE_FIELDS: readonly ImportField[] = [
  column("village", "imp.field.village", ["moo", "หมู่", "ม."]),
  column("year", "imp.field.year", ["ปี", "year", "พ.ศ."], true),
  column("code", "imp.field.code", ["รหัส", "ตัวชี้วัด", "indicator"], true),
  column("label", "imp.field.label", ["รายการ", "ชื่อ", "description"], true),
  column("numerator", "imp.field.numerator", ["จำนวน", "ผ่าน", "count", "value"], true),
  column("denominator", "imp.field.denominator", ["ทั้งหมด", "สำรวจ", "total"]),
];

/** A figure read from a file. */
export interface FigureRow {
  villageId: number | null;
  year: number;
  code: string;
  label: string;
  numerator: number;
  denominator: number | null;
}

const keyOf = (r: Pick<FigureRow, "villageId" | "year" | "code">) =>
  `${r.villageId ?? 0}|${r.year}|${r.code}`;

/**
 * The importer of figures (community_figures): a row's key is village, year and code, so a
 * corrected file replaces the stored figure and the same file changes nothing.
 */
export async function figureImporter(
  db: Db,
  tambonId: number,
  actorId: number | null,
  filename: string,
): Promise<AuditedImporter<FigureRow, FigureRow>> {
  const byMoo = villagesByMoo(await listVillages(db, tambonId));
  return {
    fields: FIGURE_FIELDS,
    parse(cells) {
      let villageId: number | null = null;
      if (!isWholeTambon(cells.village ?? "")) {
        const id = villageIdOf(byMoo, cells.village ?? "");
        if (id === undefined)
          return fail("village", "imp.unknownVillage", { moo: cells.village ?? "" });
        villageId = id;
      }
      const yearText = arabicDigits(cells.year ?? "").trim();
      const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
      if (!(year >= 2500 && year <= 2700)) return fail("year", "imp.yearInvalid");
      const code = (cells.code ?? "").trim();
      if (!/^[\p{L}\p{M}\d._-]{1,40}$/u.test(code)) return fail("code", "imp.codeInvalid");
      const text = (cells.label ?? "").trim();
      if (text.length > 300) return fail("label", "imp.tooLong", { max: 300 });
      const numerator = numberOf(cells.numerator ?? "");
      if (numerator === undefined || numerator === null)
        return fail("numerator", "imp.numberInvalid");
      const denominator = numberOf(cells.denominator ?? "");
      if (denominator === undefined) return fail("denominator", "imp.numberInvalid");
      // A count out of a total, shown as a per cent: it cannot be more than its total.
      if (denominator !== null && numerator > denominator)
        return fail("numerator", "imp.countOverTotal");
      return ok({ villageId, year, code, label: text, numerator, denominator });
    },
    key: keyOf,
    transaction: (fn) => db.transaction(fn),
    async current(tx, rows) {
      const out = new Map<string, FigureRow>();
      if (!rows.length) return out;
      const stored = await tx
        .select()
        .from(figures)
        .where(
          tambonWhere(figures, tambonId, {
            year: anyOf([...new Set(rows.map((r) => r.year))]),
            code: anyOf([...new Set(rows.map((r) => r.code))]),
          }),
        );
      for (const s of stored)
        out.set(keyOf(s), {
          ...pick(s, "villageId", "year", "code", "label"),
          numerator: Number(s.numerator),
          denominator: s.denominator === null ? null : Number(s.denominator),
        });
      return out;
    },
    // A file without a denominator column keeps the stored denominators.
    keep: (row, cur, matched) =>
      matched.has("denominator") ? row : { ...row, denominator: cur.denominator },
    same: (a, b) =>
      a.label === b.label && a.numerator === b.numerator && a.denominator === b.denominator,
    async write(tx, changes) {
      for (const c of changes) {
        const values = {
          label: c.row.label,
          numerator: String(c.row.numerator),
          denominator: c.row.denominator === null ? null : String(c.row.denominator),
          source: "import" as const,
          updatedAt: new Date(),
        };
        if (c.current)
          await tx
            .update(figures)
            .set(values)
            .where(
              tambonWhere(
                figures,
                tambonId,
                { year: c.row.year, code: c.row.code },
                c.row.villageId === null
                  ? isNull(figures.villageId)
                  : eq(figures.villageId, c.row.villageId),
              ),
            );
        else
          await tx.insert(figures).values({
            tambonId,
            ...pick(c.row, "villageId", "year", "code"),
            ...pick(values, "label", "numerator", "denominator", "source"),
          });
      }
    },
    async finish(tx, counts) {
      await audit(tx, {
        tambonId,
        actorId,
        action: "community.figures.import",
        targetType: "community_figures",
        after: { filename, ...counts },
      });
    },
  };
}
