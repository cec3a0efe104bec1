import { writeWorkbook, type Cell, type SheetSpec } from "../../../core/xlsx.ts";
import type { FormTable } from "./forms.ts";

const MONEY = "#,##0.00";

/**
 * A form as an XLSX sheet, A4 landscape: the form's code at the right, its title lines, two
 * bold shaded header rows (merged as the printed form merges them), strategies as bold rows
 * across the table, text cells typed as text (village codes keep their leading zeros), budgets
 * as numbers with two decimals.
 */
export function formSheet(form: FormTable): SheetSpec {
  const width = form.columns.length;
  const line = (text: string, bold = true): Cell[] => [
    { value: text, bold, colSpan: width, align: "center" },
    ...Array<Cell>(width - 1).fill(null),
  ];
  const rows: Cell[][] = [
    [...Array<Cell>(width - 1).fill(null), { value: form.code, bold: true, align: "right" }],
    ...form.title.map((t) => line(t)),
  ];
  for (const headRow of headGrid(form)) rows.push(headRow);
  for (const r of form.body) {
    if (r.kind === "section") {
      rows.push([
        { value: r.text, bold: true, colSpan: width },
        ...Array<Cell>(width - 1).fill(null),
      ]);
      continue;
    }
    rows.push(
      r.cells.map((v, i): Cell => {
        const kind = form.columns[i]!.kind;
        const bold = r.kind === "total";
        if (v === null) return bold ? { value: null, bold } : null;
        if (kind === "text") return { value: String(v), wrap: true, bold };
        return { value: Number(v), format: kind === "money" ? MONEY : undefined, bold };
      }),
    );
  }
  return {
    name: form.code.replace("/", "-"),
    rows,
    widths: form.columns.map((c) => c.width),
    landscape: true,
    frozenRows: 1 + form.title.length + form.head.length,
  };
}

/** The two header rows as a grid, the cells a merged cell covers left empty. */
function headGrid(form: FormTable): Cell[][] {
  const width = form.columns.length;
  const grid: Cell[][] = form.head.map(() => Array<Cell>(width).fill(null));
  const taken = form.head.map(() => Array<boolean>(width).fill(false));
  form.head.forEach((row, r) => {
    let c = 0;
    for (const h of row) {
      while (c < width && taken[r]![c]) c++;
      if (c >= width) break;
      const colSpan = h.colSpan ?? 1;
      const rowSpan = h.rowSpan ?? 1;
      grid[r]![c] = {
        value: h.label,
        bold: true,
        shaded: true,
        wrap: true,
        align: "center",
        ...(colSpan > 1 ? { colSpan } : {}),
        ...(rowSpan > 1 ? { rowSpan } : {}),
      };
      for (let dr = 0; dr < rowSpan; dr++)
        for (let dc = 0; dc < colSpan; dc++) if (taken[r + dr]) taken[r + dr]![c + dc] = true;
      c += colSpan;
    }
  });
  return grid;
}

/** A workbook of one or more forms, one sheet each. */
export function formsWorkbook(forms: readonly FormTable[]): Promise<Buffer> {
  return writeWorkbook(forms.map(formSheet));
}
