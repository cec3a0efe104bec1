/** One CSV cell: quoted when it holds a comma, quote or line break; formulas are defused. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  // A cell starting with = + - @ is run as a formula by spreadsheets; prefix it with a quote.
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV document (UTF-8 with BOM so that spreadsheets read Thai correctly, CRLF lines). */
export function toCsv(
  header: string[],
  rows: (string | number | boolean | null | undefined)[][],
): string {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(","));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

/**
 * A CSV whose quoted cell is never closed: the rest of the file would be read as that one cell
 * (a file cut short, or a stray quote), so it is refused. `line` is the row the cell is in.
 */
export class CsvQuoteError extends Error {
  constructor(readonly line: number) {
    super(`the quote opened in row ${line} is never closed`);
  }
}

/**
 * A CSV row with a value beyond the header's columns: most often a comma inside a value that is
 * not in quotes, which would split the value and drop its end in silence, so it is refused.
 */
export class CsvWidthError extends Error {
  constructor(
    readonly line: number,
    readonly columns: number,
  ) {
    super(`row ${line} has more cells than the ${columns} columns of the header`);
  }
}

/** The first row with a value beyond the header's `columns`, as a `CsvWidthError`, or null. */
export function widthError(
  rows: readonly { line: number; cells: readonly string[] }[],
  columns: number,
): CsvWidthError | null {
  for (const r of rows)
    for (let i = columns; i < r.cells.length; i++)
      if (r.cells[i] !== "") return new CsvWidthError(r.line, columns);
  return null;
}

/**
 * Parses CSV text (RFC 4180: quoted cells with doubled quotes and line breaks; CRLF or LF; a
 * leading BOM dropped) into rows of cells. The delimiter is read from the first line: a comma,
 * or a semicolon or tab when the line has more of those. A cell `toCsv` defused (`'=…`, `'-1`)
 * comes back as it was. A quoted cell still open at the end of the text is a `CsvQuoteError`.
 */
export function parseCsv(text: string): string[][] {
  const s = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const firstLine = s.slice(0, s.search(/\r?\n|$/));
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const delim = [",", ";", "\t"].reduce((best, ch) => (count(ch) > count(best) ? ch : best));
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let wasQuoted = false;
  const endCell = () => {
    row.push(/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
    cell = "";
    wasQuoted = false;
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (s[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && cell === "") {
      quoted = true;
      wasQuoted = true;
    } else if (ch === delim) endCell();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && s[i + 1] === "\n") i++;
      endCell();
      rows.push(row);
      row = [];
    } else cell += ch;
  }
  if (quoted) throw new CsvQuoteError(rows.length + 1);
  if (cell !== "" || row.length || wasQuoted) {
    endCell();
    rows.push(row);
  }
  return rows;
}
