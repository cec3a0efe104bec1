// The text of a charter edition as one document: title, preamble, definitions, chapters with
// their clauses, and closing clauses. Chapter and clause numbers are never stored: they follow
// from the order (clauses are numbered continuously across chapters, then the closing clauses),
// so every move, split or merge renumbers by itself. Every chapter, clause and definition has a
// key that stays with it through edits, versions and editions; comments and follow-up use it.

/** A clause (ข้อ). */
export interface Clause {
  key: number;
  text: string;
}

/** A chapter (หมวด) with its clauses. */
export interface Chapter {
  key: number;
  title: string;
  clauses: Clause[];
}

/** A defined term (นิยาม). */
export interface Definition {
  key: number;
  term: string;
  meaning: string;
}

/** The whole text of an edition, as saved in each version. */
export interface CharterDoc {
  title: string;
  preamble: string;
  definitions: Definition[];
  chapters: Chapter[];
  /** Closing clauses (บทเฉพาะกาล): entry into force, review period. */
  closing: Clause[];
}

/** The section number that stands for the closing clauses in operations and numbering. */
export const CLOSING = 0;

/** Limits that keep a charter a charter. */
export const LIMITS = {
  title: 300,
  preamble: 20_000,
  term: 200,
  meaning: 2_000,
  chapterTitle: 300,
  clause: 5_000,
  definitions: 200,
  chapters: 100,
  clauses: 1_000,
} as const;

/** Text as stored: Unicode NFC, Unix line ends, no spaces at line ends, trimmed. */
export function cleanText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t\u00a0]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A document's texts: definitions as [term, meaning], chapters as [title, clause texts]. */
export interface DocTexts {
  title: string;
  preamble: string;
  definitions: [string, string][];
  chapters: [string, string[]][];
  closing: string[];
}

/**
 * A document built from its texts with fresh keys 1, 2, … in reading order: the definitions,
 * each chapter followed by its clauses, then the closing clauses.
 */
export function docFromTexts(text: DocTexts): { doc: CharterDoc; nextKey: number } {
  let key = 1;
  const doc: CharterDoc = {
    title: text.title,
    preamble: text.preamble,
    definitions: text.definitions.map(([term, meaning]) => ({ key: key++, term, meaning })),
    chapters: text.chapters.map(([title, clauses]) => ({
      key: key++,
      title,
      clauses: clauses.map((t) => ({ key: key++, text: t })),
    })),
    closing: text.closing.map((t) => ({ key: key++, text: t })),
  };
  return { doc, nextKey: key };
}

/** A new, nearly empty document: the title and the two usual closing clauses. */
export function blankDoc(
  title: string,
  closing: string[],
  nextKey: number,
): { doc: CharterDoc; nextKey: number } {
  let key = nextKey;
  return {
    doc: {
      title: cleanText(title),
      preamble: "",
      definitions: [],
      chapters: [],
      closing: closing.map((text) => ({ key: key++, text: cleanText(text) })),
    },
    nextKey: key,
  };
}

/** Chapter and clause numbers of a document, derived from the order. */
export interface Numbering {
  /** chapter key → chapter number (1, 2, …) */
  chapter: Map<number, number>;
  /** clause key → clause number, continuous across chapters and then the closing clauses */
  clause: Map<number, number>;
  /** clause key → key of its chapter (CLOSING for the closing clauses) */
  sectionOf: Map<number, number>;
  /** number of clauses */
  clauses: number;
}

/** Numbers the chapters and clauses of a document in their order. */
export function numberDoc(doc: CharterDoc): Numbering {
  const chapter = new Map<number, number>();
  const clause = new Map<number, number>();
  const sectionOf = new Map<number, number>();
  let n = 0;
  doc.chapters.forEach((c, i) => {
    chapter.set(c.key, i + 1);
    for (const cl of c.clauses) {
      clause.set(cl.key, ++n);
      sectionOf.set(cl.key, c.key);
    }
  });
  for (const cl of doc.closing) {
    clause.set(cl.key, ++n);
    sectionOf.set(cl.key, CLOSING);
  }
  return { chapter, clause, sectionOf, clauses: n };
}

/** Every clause in reading order with its number and section. */
export function allClauses(doc: CharterDoc): { clause: Clause; number: number; section: number }[] {
  const out: { clause: Clause; number: number; section: number }[] = [];
  let n = 0;
  for (const c of doc.chapters)
    for (const clause of c.clauses) out.push({ clause, number: ++n, section: c.key });
  for (const clause of doc.closing) out.push({ clause, number: ++n, section: CLOSING });
  return out;
}

/** The clause with this key, or undefined. */
export function findClause(doc: CharterDoc, key: number): Clause | undefined {
  for (const c of doc.chapters) {
    const found = c.clauses.find((cl) => cl.key === key);
    if (found) return found;
  }
  return doc.closing.find((cl) => cl.key === key);
}

/** The highest key used in a document (to continue numbering keys from an imported text). */
export function maxKey(doc: CharterDoc): number {
  let max = 0;
  for (const d of doc.definitions) max = Math.max(max, d.key);
  for (const c of doc.chapters) {
    max = Math.max(max, c.key);
    for (const cl of c.clauses) max = Math.max(max, cl.key);
  }
  for (const cl of doc.closing) max = Math.max(max, cl.key);
  return max;
}

/** Checks that a value read from the database is a document (keys unique, texts strings). */
export function isCharterDoc(value: unknown): value is CharterDoc {
  if (!value || typeof value !== "object") return false;
  const d = value as Partial<CharterDoc>;
  const isClause = (c: unknown) =>
    !!c && typeof (c as Clause).key === "number" && typeof (c as Clause).text === "string";
  return (
    typeof d.title === "string" &&
    typeof d.preamble === "string" &&
    Array.isArray(d.definitions) &&
    Array.isArray(d.chapters) &&
    Array.isArray(d.closing) &&
    d.chapters.every(
      (c) =>
        typeof c.key === "number" &&
        typeof c.title === "string" &&
        Array.isArray(c.clauses) &&
        c.clauses.every(isClause),
    ) &&
    d.closing.every(isClause)
  );
}

/** Paragraphs of a plain text (separated by blank lines), for display. */
export function paragraphs(text: string): string[] {
  return text ? text.split(/\n{2,}/) : [];
}

/** A suggested split of a clause's text for the split form: first paragraph, then the rest. */
export function suggestSplit(text: string): { first: string; second: string } {
  const i = text.indexOf("\n\n");
  if (i > 0) return { first: text.slice(0, i), second: text.slice(i + 2) };
  return { first: text, second: "" };
}
