import { createReadStream } from "node:fs";
import { CsvQuoteError, widthError } from "./csv.ts";
import type { CoreKey } from "./i18n/messages.ts";
import {
  compareRows,
  damagedUtf8,
  mappedCells,
  matchedFields,
  type ImportCounts,
  type ImportReport,
  type Importer,
  type Mapping,
  type RowError,
  type TableRow,
} from "./imports.ts";

/**
 * Imports too large to hold in memory (a million rows from the CLI): the CSV file is read in
 * chunks and parsed as it comes, every row is checked in a first pass (nothing is written when
 * any row is bad), then a second pass writes the rows in batches inside one transaction with the
 * same `Importer` a web import uses, so both meet the same rules and keys.
 */

/** The characters that mean something in a CSV cell, by delimiter. */
const SPECIAL: Record<string, RegExp> = {
  ",": /[",\r\n]/g,
  ";": /[";\r\n]/g,
  "\t": /["\t\r\n]/g,
};

/** Parses CSV text given in pieces: cells may be quoted across a piece's end (RFC 4180). */
export class CsvChunks {
  private row: string[] = [];
  private cell = "";
  private quoted = false;
  private quoteSeen = false;
  private pendingCr = false;
  private delim: string | null = null;
  private head = "";
  private started = false;
  /** Rows parsed (with their line numbers, from 1) since the last `take`. */
  private out: TableRow[] = [];
  private line = 1;

  /** Adds a piece of text; complete rows are collected for `take`. */
  push(text: string): void {
    let s = text;
    if (!this.started) {
      if (s.startsWith("\uFEFF")) s = s.slice(1);
      this.started = s.length > 0;
    }
    if (this.delim === null) {
      this.head += s;
      const end = this.head.search(/\r|\n/);
      if (end < 0 && this.head.length < 65536) return;
      const first = end < 0 ? this.head : this.head.slice(0, end);
      const count = (ch: string) => first.split(ch).length - 1;
      this.delim = [",", ";", "\t"].reduce((b, ch) => (count(ch) > count(b) ? ch : b));
      s = this.head;
      this.head = "";
    }
    this.scan(s);
  }

  private endCell() {
    const c = this.cell;
    this.row.push(c.charCodeAt(0) === 39 && /^'[=+\-@\t\r]/.test(c) ? c.slice(1) : c);
    this.cell = "";
    this.quoteSeen = false;
  }

  private endRow() {
    this.endCell();
    this.out.push({ line: this.line, cells: this.row.map((c) => c.trim()) });
    this.row = [];
    this.line++;
  }

  /**
   * Reads a piece character by character where a character means something (a quote, the
   * delimiter, a line break) and takes each run of ordinary characters between them in one
   * slice: a million-row file is mostly such runs.
   */
  private scan(s: string) {
    const d = this.delim!;
    const special = SPECIAL[d]!;
    const n = s.length;
    let i = 0;
    while (i < n) {
      const ch = s[i]!;
      if (this.pendingCr) {
        this.pendingCr = false;
        if (ch === "\n") {
          i++;
          continue;
        }
      }
      if (this.quoted) {
        const close = s.indexOf('"', i);
        if (close < 0) {
          this.cell += s.slice(i);
          return;
        }
        this.cell += s.slice(i, close);
        this.quoted = false;
        this.quoteSeen = true;
        i = close + 1;
      } else if (ch === '"' && this.quoteSeen) {
        // A doubled quote inside a quoted cell: the quote closed, then opens again.
        this.cell += '"';
        this.quoted = true;
        i++;
      } else if (ch === '"' && this.cell === "") {
        this.quoted = true;
        i++;
      } else if (ch === d) {
        this.endCell();
        i++;
      } else if (ch === "\n" || ch === "\r") {
        this.endRow();
        if (ch === "\r") this.pendingCr = true;
        i++;
      } else {
        // Ordinary characters (a quote inside an unquoted cell among them) up to the next
        // character that means something.
        special.lastIndex = i + 1;
        const next = special.exec(s);
        const stop = next ? next.index : n;
        this.cell += s.slice(i, stop);
        i = stop;
      }
    }
  }

  /** Ends the text: a last row without a line break is kept; a quoted cell still open is a `CsvQuoteError`. */
  end(): void {
    if (this.delim === null && this.head) {
      const text = this.head;
      this.head = "";
      this.delim = ",";
      const count = (ch: string) => text.split(ch).length - 1;
      this.delim = [",", ";", "\t"].reduce((b, ch) => (count(ch) > count(b) ? ch : b));
      this.scan(text);
    }
    if (this.quoted) throw new CsvQuoteError(this.line);
    if (this.cell !== "" || this.row.length || this.quoteSeen) this.endRow();
  }

  /** The rows parsed so far (each given once). */
  take(): TableRow[] {
    const rows = this.out;
    this.out = [];
    return rows;
  }
}

/** A CSV file's header and its data rows, read again from the disk each time it is iterated. */
export interface CsvSource {
  headers: string[];
  /** Data rows (empty rows left out), in pieces of at most `batch` rows. */
  batches(batch: number): AsyncIterable<TableRow[]>;
  /** The file's size, and bytes read so far by the running pass (for progress). */
  size: number;
  read(): number;
}

/** A CSV file that is neither UTF-8 nor Thai Windows text (a picture, a binary file). */
export class NotTextError extends Error {
  constructor() {
    super("not a UTF-8 or windows-874 text file");
  }
}

/** A CSV file in UTF-8 with bytes that are not UTF-8 (damaged, or cut short in a character). */
export class BrokenTextError extends NotTextError {}

/**
 * The text encoding of a CSV file from its first megabyte: UTF-8 when that part is valid UTF-8,
 * else windows-874 (TIS-620 and more: what Excel on a Thai Windows saves as CSV), unless that part
 * is mostly UTF-8 all the same (a damaged UTF-8 file: `BrokenTextError`).
 */
export async function sniffEncoding(path: string): Promise<"utf-8" | "windows-874"> {
  const stream = createReadStream(path, { start: 0, end: (1 << 20) - 1 });
  const parts: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) parts.push(chunk);
  const head = Buffer.concat(parts);
  if (head.includes(0)) throw new NotTextError();
  try {
    // `stream: true`: a character cut at the end of the megabyte is not an error.
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return "utf-8";
  } catch {
    if (damagedUtf8(head)) throw new BrokenTextError();
    return "windows-874";
  }
}

/**
 * Opens a CSV file for streaming: reads its header now, its rows when iterated. The text is
 * UTF-8 or windows-874 (told from its first megabyte); bytes that are not text of that encoding
 * met later stop the import with `NotTextError`.
 */
export async function csvSource(path: string, size: number): Promise<CsvSource> {
  const encoding = await sniffEncoding(path);
  let bytes = 0;
  async function* rows(): AsyncGenerator<TableRow> {
    bytes = 0;
    const parser = new CsvChunks();
    const stream = createReadStream(path, { highWaterMark: 1 << 20 });
    const decoder = new TextDecoder(encoding, { fatal: true });
    const decode = (chunk?: Buffer) => {
      let text: string;
      try {
        text = chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
      } catch {
        throw encoding === "utf-8" ? new BrokenTextError() : new NotTextError();
      }
      // Bytes windows-874 leaves undefined come out as private-use characters: not Thai text.
      if (encoding !== "utf-8" && /[\uE000-\uF8FF]/.test(text)) throw new NotTextError();
      return text;
    };
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (chunk.includes(0)) throw new NotTextError();
      parser.push(decode(chunk));
      yield* parser.take();
    }
    parser.push(decode());
    parser.end();
    yield* parser.take();
  }
  // A value beyond the header's columns is a comma outside quotes: refused (`CsvWidthError`).
  return streamSource(rows, size, () => bytes, { strictWidth: true });
}

/**
 * A source over rows read from the start each time `rows` is called (a CSV or a workbook's
 * sheet): its header is the first row with something in it, read now; its data rows (empty rows
 * left out) are read again each time it is iterated, in batches.
 */
export async function streamSource(
  rows: () => AsyncIterable<TableRow>,
  size: number,
  read: () => number,
  opts: { strictWidth?: boolean } = {},
): Promise<CsvSource> {
  let headers: string[] = [];
  let headerLine = 0;
  for await (const r of rows()) {
    if (r.cells.some((c) => c !== "")) {
      headers = r.cells;
      headerLine = r.line;
      break;
    }
  }
  while (headers.length && headers[headers.length - 1] === "") headers.pop();
  return {
    headers,
    size,
    read,
    async *batches(batch: number) {
      let out: TableRow[] = [];
      for await (const r of rows()) {
        if (r.line <= headerLine || !r.cells.some((c) => c !== "")) continue;
        if (opts.strictWidth) {
          const wide = widthError([r], headers.length);
          if (wide) throw wide;
        }
        out.push(r);
        if (out.length >= batch) {
          yield out;
          out = [];
        }
      }
      if (out.length) yield out;
    },
  };
}

/** Rows in memory (a workbook's sheet) as a source. */
export function tableSource(headers: string[], rows: readonly TableRow[]): CsvSource {
  let done = 0;
  return {
    headers,
    size: rows.length,
    read: () => done,
    async *batches(batch: number) {
      for (let i = 0; i < rows.length; i += batch) {
        done = Math.min(rows.length, i + batch);
        yield rows.slice(i, i + batch);
      }
    },
  };
}

/** Where a streaming import stands: which pass, rows done. */
export interface StreamProgress {
  pass: "check" | "write";
  rows: number;
  /** Share of the file read in this pass, 0 to 1. */
  share: number;
}

/**
 * `runImport` for a large source: the first pass checks every row (and keys met twice, kept as
 * a set of keys), the second pass compares each batch with what is stored and writes the new and
 * changed rows in one transaction; `finish` runs at its end (the audit row). An importer with a
 * `bulk` writer is read once: each batch is checked and staged inside the transaction, and the
 * writer compares and writes everything at the end. With any bad row,
 * or with `apply` false (a dry run), nothing is written. At most `maxErrors` bad rows are kept
 * in the report (all are counted in `badRows`).
 */
export async function runStreamingImport<Row, K extends string, Tx, Current>(
  source: CsvSource,
  mapping: Mapping,
  importer: Importer<Row, K, Tx, Current>,
  opts: {
    apply: boolean;
    batch?: number;
    maxErrors?: number;
    onProgress?: (p: StreamProgress) => void;
  },
): Promise<ImportReport<K | CoreKey> & { badRows: number }> {
  const batch = opts.batch ?? 2000;
  const maxErrors = opts.maxErrors ?? 1000;
  const errors: RowError<K | CoreKey>[] = [];
  const badLines = new Set<number>();
  let badRows = 0;
  const bad = (e: RowError<K | CoreKey>) => {
    if (!badLines.has(e.line)) {
      badRows++;
      if (badLines.size < maxErrors) badLines.add(e.line);
    }
    if (errors.length < maxErrors) errors.push(e);
  };
  const columnOf = (field: string) => {
    const col = mapping[field];
    return col === null || col === undefined ? undefined : source.headers[col] || undefined;
  };
  const seen = new Map<string, number>();
  let rows = 0;
  const parseBatch = (part: readonly TableRow[], check: boolean) => {
    const good: { line: number; row: Row }[] = [];
    for (const tr of part) {
      const cells = mappedCells(tr, mapping);
      const missing = importer.fields.filter((f) => f.required && !cells[f.name]);
      if (missing.length) {
        if (check)
          for (const f of missing)
            bad({ line: tr.line, field: f.name, column: columnOf(f.name), key: "import.required" });
        continue;
      }
      const parsed = importer.parse(cells, tr.line);
      if (!parsed.ok) {
        if (check)
          for (const [field, e] of Object.entries(parsed.errors))
            bad({ line: tr.line, field, column: columnOf(field), key: e.key, vars: e.vars });
        continue;
      }
      if (check && !importer.bulk) {
        const key = importer.key(parsed.value);
        const first = seen.get(key);
        if (first !== undefined) {
          bad({ line: tr.line, field: "_row", key: "import.duplicateRow", vars: { line: first } });
          continue;
        }
        seen.set(key, tr.line);
      }
      good.push({ line: tr.line, row: parsed.value });
    }
    return good;
  };
  const progress = (pass: StreamProgress["pass"], n: number) =>
    opts.onProgress?.({ pass, rows: n, share: source.size ? source.read() / source.size : 1 });

  const counts: ImportCounts = { create: 0, update: 0, unchanged: 0 };
  const apply = opts.apply;
  const matched = matchedFields(mapping);
  if (importer.bulk) {
    // One pass: each batch is checked and its good rows staged (inside the transaction, so a bad
    // row met later leaves nothing behind); once a row is bad, the rest is only checked.
    await importer.transaction(async (tx) => {
      const bulk = importer.bulk!(tx);
      for await (const part of source.batches(batch)) {
        rows += part.length;
        const good = parseBatch(part, true);
        if (badRows === 0) await bulk.add(good);
        progress("check", rows);
      }
      if (badRows > 0) return;
      // Keys met twice are found in the staging table, not in a set of a million keys.
      const twice = await bulk.duplicates(maxErrors);
      for (const d of twice.rows)
        bad({ line: d.line, field: "_row", key: "import.duplicateRow", vars: { line: d.first } });
      badRows = twice.count;
      if (badRows > 0) return;
      progress("write", rows);
      Object.assign(counts, await bulk.end(matched, apply));
      if (apply && importer.finish) await importer.finish(tx, counts);
    });
    return { rows, errors, applied: apply && badRows === 0, badRows, ...counts };
  }

  for await (const part of source.batches(batch)) {
    rows += part.length;
    parseBatch(part, true);
    progress("check", rows);
  }
  seen.clear();
  if (badRows > 0) return { rows, errors, applied: false, badRows, ...counts };
  await importer.transaction(async (tx) => {
    let done = 0;
    for await (const part of source.batches(batch)) {
      const good = parseBatch(part, false);
      const stored = await importer.current(
        tx,
        good.map((g) => g.row),
      );
      const { changes, counts: c } = compareRows(importer, good, stored, matched);
      if (apply && changes.length) await importer.write(tx, changes, c);
      counts.create += c.create;
      counts.update += c.update;
      counts.unchanged += c.unchanged;
      done += part.length;
      progress("write", done);
    }
    if (apply && importer.finish) await importer.finish(tx, counts);
  });
  return { rows, errors, applied: apply, badRows, ...counts };
}
