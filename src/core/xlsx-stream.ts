import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Inflate } from "fflate";
import type { TableRow } from "./imports.ts";
import { streamSource, type CsvSource } from "./import-stream.ts";
import { NO_DATE, cellName } from "./xlsx.ts";

/**
 * Reads the first sheet of an XLSX file on disk row by row, never holding the sheet in memory
 * (`readWorkbook` in xlsx.ts reads whole workbooks, for uploads of a few MB; this is for the
 * command line's million-row files). The zip's central directory is read first, so the shared
 * strings (kept in memory, as every reader must) are read before the sheet is streamed,
 * whatever order the parts are in. Cells come back as `readWorkbook` gives them: text, numbers
 * as written, dates (by their number format) as YYYY-MM-DD, booleans as TRUE/FALSE.
 */

/** A workbook that cannot be read this way (not a zip, no sheet, an unknown compression). */
export class WorkbookError extends Error {}

/** A cell holding a NUL character (`&#0;`), which no text column keeps: where it is. */
export class NulCellError extends WorkbookError {
  constructor(
    readonly sheet: string,
    readonly cell: string,
  ) {
    super(`NUL character in cell ${cell} of sheet ${sheet}`);
  }
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** The zip's entries, from its central directory (zip64 is not needed for our limits). */
async function entriesOf(path: string): Promise<Map<string, Entry>> {
  const fh = await open(path, "r");
  try {
    const { size } = await fh.stat();
    const tail = Math.min(size, 65_557);
    const buf = Buffer.alloc(tail);
    await fh.read(buf, 0, tail, size - tail);
    let eocd = -1;
    for (let i = tail - 22; i >= 0; i--)
      if (buf.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    if (eocd < 0) throw new WorkbookError("not a zip package");
    const count = buf.readUInt16LE(eocd + 10);
    const dirSize = buf.readUInt32LE(eocd + 12);
    const dirOffset = buf.readUInt32LE(eocd + 16);
    // A directory said to lie beyond the file (a damaged or cut file) is refused before its
    // size, up to 4 GB, is allocated.
    if (dirOffset + dirSize > size) throw new WorkbookError("central directory beyond the file");
    const dir = Buffer.alloc(dirSize);
    await fh.read(dir, 0, dirSize, dirOffset);
    const out = new Map<string, Entry>();
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (dir.readUInt32LE(p) !== 0x02014b50) throw new WorkbookError("bad central directory");
      const nameLen = dir.readUInt16LE(p + 28);
      const extraLen = dir.readUInt16LE(p + 30);
      const commentLen = dir.readUInt16LE(p + 32);
      const name = dir.toString("utf8", p + 46, p + 46 + nameLen);
      out.set(name, {
        name,
        method: dir.readUInt16LE(p + 10),
        compressedSize: dir.readUInt32LE(p + 20),
        size: dir.readUInt32LE(p + 24),
        offset: dir.readUInt32LE(p + 42),
      });
      p += 46 + nameLen + extraLen + commentLen;
    }
    return out;
  } finally {
    await fh.close();
  }
}

/** Inflates a piece of a part; damaged compressed data is a `WorkbookError`. */
function inflateOrRefuse(inflate: Inflate, chunk: Uint8Array, final = false): void {
  try {
    inflate.push(chunk, final);
  } catch (err) {
    throw new WorkbookError(`damaged part: ${(err as Error).message}`);
  }
}

/** An entry's text, in pieces as it is inflated; at most `maxBytes` unpacked. */
async function* entryText(
  path: string,
  e: Entry,
  maxBytes: number,
  onBytes?: (unpacked: number) => void,
): AsyncGenerator<string> {
  const fh = await open(path, "r");
  const head = Buffer.alloc(30);
  try {
    await fh.read(head, 0, 30, e.offset);
  } finally {
    await fh.close();
  }
  if (head.readUInt32LE(0) !== 0x04034b50) throw new WorkbookError("bad local header");
  const start = e.offset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
  if (e.method !== 0 && e.method !== 8) throw new WorkbookError("unknown compression");
  const decoder = new TextDecoder("utf-8");
  let out: Uint8Array[] = [];
  let unpacked = 0;
  const inflate = new Inflate((chunk) => {
    unpacked += chunk.length;
    out.push(chunk);
  });
  if (e.compressedSize === 0) return;
  const stream = createReadStream(path, {
    start,
    end: start + e.compressedSize - 1,
    highWaterMark: 1 << 20,
  });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (e.method === 0) {
      out.push(chunk);
      unpacked += chunk.length;
    } else inflateOrRefuse(inflate, chunk);
    if (unpacked > maxBytes) throw new WorkbookError("too large");
    onBytes?.(unpacked);
    const parts = out;
    out = [];
    let text = "";
    for (const part of parts) text += decoder.decode(part, { stream: true });
    if (text) yield text;
  }
  if (e.method === 8) inflateOrRefuse(inflate, new Uint8Array(0), true);
  let text = "";
  for (const part of out) text += decoder.decode(part, { stream: true });
  text += decoder.decode();
  if (text) yield text;
}

/** A tag, a declaration, a comment or a CDATA section of XML, at the place it is looked for. */
const MARKUP =
  /<(?:\?[\s\S]*?\?>|!--[\s\S]*?-->|!\[CDATA\[[\s\S]*?\]\]>|![A-Z][^>]*>|(\/?)([A-Za-z_][\w.:-]*)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>)/y;

/**
 * Whether XML opens and closes its elements in order and closes every one it opens (the text
 * between them is not looked at): a part cut short, or with a broken tag, is not.
 */
function balanced(xml: string): boolean {
  const open: string[] = [];
  for (let at = xml.indexOf("<"); at >= 0; at = xml.indexOf("<", MARKUP.lastIndex)) {
    MARKUP.lastIndex = at;
    const m = MARKUP.exec(xml);
    if (!m) return false;
    const [, closing, name, empty] = m;
    if (!name || empty) {
      if (closing) return false;
      continue;
    }
    if (!closing) open.push(name);
    else if (open.pop() !== name) return false;
  }
  return open.length === 0;
}

/**
 * Elements `tag` of a streamed XML part, each whole, as text. What lies around them (the part's
 * root, the elements before and after them) must be well formed, as `readWorkbook`'s parser
 * wants it: a part cut short or ending in broken XML is a `WorkbookError`, never rows left out
 * in silence.
 */
async function* elements(pieces: AsyncIterable<string>, tag: string): AsyncGenerator<string> {
  const open = new RegExp(`<${tag}[\\s>/]`, "g");
  const close = `</${tag}>`;
  let buf = "";
  // What lies around the elements, but the spaces and line breaks between them.
  let around = "";
  const aside = (text: string) => {
    if (text.trim()) around += text;
    if (around.length > 64 * 1024 * 1024) throw new WorkbookError(`too much XML around ${tag}`);
  };
  for await (const piece of pieces) {
    buf += piece;
    let from = 0;
    for (;;) {
      open.lastIndex = from;
      const m = open.exec(buf);
      if (!m) break;
      const gt = buf.indexOf(">", m.index);
      if (gt < 0) break;
      if (buf[gt - 1] === "/") {
        aside(buf.slice(from, m.index));
        yield buf.slice(m.index, gt + 1);
        from = gt + 1;
        continue;
      }
      const end = buf.indexOf(close, gt);
      if (end < 0) break;
      aside(buf.slice(from, m.index));
      yield buf.slice(m.index, end + close.length);
      from = end + close.length;
    }
    // Keep from the first element not yet whole (or a tag cut at the piece's end).
    open.lastIndex = from;
    const next = open.exec(buf);
    const cut = buf.lastIndexOf("<");
    const keep = next ? next.index : Math.max(from, cut >= 0 ? cut : buf.length);
    aside(buf.slice(from, keep));
    buf = buf.slice(keep);
  }
  aside(buf);
  if (!balanced(around)) throw new WorkbookError(`broken XML around the ${tag} elements`);
}

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => {
    if (e[0] !== "#") return ENTITY[e] ?? all;
    const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    // Beyond Unicode (&#1114112;) is no character: the file is not a well-formed workbook.
    if (!(code <= 0x10ffff)) throw new WorkbookError(`character reference ${all}`);
    return String.fromCodePoint(code);
  });

/** The text of an `<si>` or `<is>`: its `<t>` runs joined (phonetic runs left out). */
const richText = (xml: string) =>
  unescapeXml(
    xml
      .replace(/<rPh\b[\s\S]*?<\/rPh>/g, "")
      .match(/<t\b[^>]*>[\s\S]*?<\/t>|<t\b[^>]*\/>/g)
      ?.map((t) => t.replace(/^<t\b[^>]*>|<\/t>$|^<t\b[^>]*\/>$/g, ""))
      .join("") ?? "",
  );

const attr = (tag: string, name: string) =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

/** Column number (1-based) of a reference such as "AB12". */
function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

const DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** Which cell styles show a date (by built-in format number or a custom format with d/m/y). */
async function dateStyles(path: string, entries: Map<string, Entry>): Promise<Set<number>> {
  const e = entries.get("xl/styles.xml");
  const out = new Set<number>();
  if (!e) return out;
  let xml = "";
  for await (const piece of entryText(path, e, 20 * 1024 * 1024)) xml += piece;
  const custom = new Set<number>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) {
    const id = Number(attr(m[0], "numFmtId"));
    const code = unescapeXml(attr(m[0], "formatCode") ?? "")
      .replace(/"[^"]*"|\[[^\]]*\]|\\./g, "")
      .toLowerCase();
    if (/[dy]|m{1,2}(?![^;]*s)/.test(code) && !/^[#0.,%]*$/.test(code)) custom.add(id);
  }
  const xfs = /<cellXfs\b[\s\S]*?<\/cellXfs>/.exec(xml)?.[0] ?? "";
  let i = 0;
  for (const m of xfs.matchAll(/<xf\b[^>]*>/g)) {
    const id = Number(attr(m[0], "numFmtId") ?? 0);
    if (DATE_FORMATS.has(id) || custom.has(id)) out.add(i);
    i++;
  }
  return out;
}

/** A date serial of the 1900 system as YYYY-MM-DD (or with its time); `NO_DATE` beyond any date. */
function serialDate(serial: number): string {
  const date = new Date(Math.round((serial - 25569) * 86_400_000));
  if (Number.isNaN(date.getTime())) return NO_DATE;
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19).replace("T", " ");
}

/**
 * The first sheet's part name and its name as Excel shows it, from the workbook and its
 * relationships, and whether the workbook counts its dates from 1904 (old Excel for Mac).
 */
async function firstSheet(
  path: string,
  entries: Map<string, Entry>,
): Promise<{ part: string; name: string; epoch1904: boolean }> {
  const read = async (name: string) => {
    const e = entries.get(name);
    if (!e) throw new WorkbookError(`no ${name}`);
    let xml = "";
    for await (const piece of entryText(path, e, 20 * 1024 * 1024)) xml += piece;
    return xml;
  };
  const book = await read("xl/workbook.xml");
  const pr = /<(?:[\w-]+:)?workbookPr\b[^>]*>/.exec(book)?.[0] ?? "";
  const epoch1904 = /^(1|true)$/.test(attr(pr, "date1904") ?? "");
  const sheet = /<sheet\b[^>]*>/.exec(book)?.[0];
  const name = unescapeXml((sheet && attr(sheet, "name")) ?? "1");
  const rid = sheet ? (attr(sheet, "r:id") ?? /\sr:id="([^"]*)"/.exec(sheet)?.[1]) : null;
  if (rid && entries.has("xl/_rels/workbook.xml.rels")) {
    const rels = await read("xl/_rels/workbook.xml.rels");
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g))
      if (attr(m[0], "Id") === rid) {
        const target = attr(m[0], "Target") ?? "";
        return {
          part: target.startsWith("/") ? target.slice(1) : `xl/${target}`,
          name,
          epoch1904,
        };
      }
  }
  const any = [...entries.keys()].find((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
  if (!any) throw new WorkbookError("no sheet");
  return { part: any, name, epoch1904 };
}

/**
 * The rows of the first sheet, with their row numbers as the spreadsheet shows them; `maxBytes`
 * bounds each part unpacked (a zip bomb is refused with `WorkbookError`).
 */
export async function* xlsxRows(
  path: string,
  opts: { maxBytes?: number; onBytes?: (read: number) => void } = {},
): AsyncGenerator<TableRow> {
  const maxBytes = opts.maxBytes ?? 2 * 1024 ** 3;
  const entries = await entriesOf(path);
  const first = await firstSheet(path, entries);
  const sheet = entries.get(first.part);
  if (!sheet) throw new WorkbookError("no sheet");
  const strings: string[] = [];
  const sst = entries.get("xl/sharedStrings.xml");
  if (sst)
    for await (const si of elements(entryText(path, sst, maxBytes), "si"))
      strings.push(richText(si));
  const dates = await dateStyles(path, entries);
  let lastRow = 0;
  for await (const row of elements(entryText(path, sheet, maxBytes, opts.onBytes), "row")) {
    const open = /^<row\b[^>]*>/.exec(row)?.[0] ?? "";
    const r = attr(open, "r");
    const line = r ? Number(r) : lastRow + 1;
    lastRow = line;
    const cells: string[] = [];
    let lastCol = 0;
    for (const m of row.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = ` ${m[1] ?? ""}`;
      const ref = attr(attrs, "r");
      const col = ref ? columnOf(ref) : lastCol + 1;
      lastCol = col;
      const inner = m[2] ?? "";
      const type = attr(attrs, "t") ?? "n";
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      let text = "";
      if (type === "s") {
        // A shared string the part does not hold: a damaged workbook, as readWorkbook finds it.
        const shared = v === undefined ? "" : strings[Number(v)];
        if (shared === undefined) throw new WorkbookError(`no shared string ${v}`);
        text = shared;
      } else if (type === "inlineStr") text = richText(/<is>[\s\S]*<\/is>/.exec(inner)?.[0] ?? "");
      else if (type === "b") text = v === "1" ? "TRUE" : v === undefined ? "" : "FALSE";
      else if (v !== undefined) {
        text = unescapeXml(v);
        const style = Number(attr(attrs, "s") ?? 0);
        if (type === "n" && dates.has(style) && /^-?\d+(\.\d+)?$/.test(text))
          // Serial 0 of the 1904 system is 1 January 1904, serial 1462 of the 1900 one; below
          // zero is no date in either.
          text = text.startsWith("-")
            ? NO_DATE
            : serialDate(Number(text) + (first.epoch1904 ? 1462 : 0));
      }
      if (text.includes("\u0000")) throw new NulCellError(first.name, cellName(line - 1, col - 1));
      while (cells.length < col - 1) cells.push("");
      cells[col - 1] = text.trim();
    }
    yield { line, cells };
  }
}

/**
 * The first sheet of an XLSX file as an import source, like `csvSource`: its header (the first
 * row with something in it) now, its data rows (empty rows left out) each time it is iterated.
 */
export async function xlsxSource(
  path: string,
  opts: { maxBytes?: number } = {},
): Promise<CsvSource> {
  const entries = await entriesOf(path);
  const size = entries.get((await firstSheet(path, entries)).part)?.size ?? 0;
  let bytes = 0;
  return streamSource(
    () => xlsxRows(path, { ...opts, onBytes: (n) => (bytes = n) }),
    size,
    () => bytes,
  );
}
