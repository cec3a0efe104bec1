import { diffArrays } from "diff";
import { tokens, type DiffPart } from "../../core/text-diff.ts";
import { toArabicDigits } from "./digits.ts";
import { CLOSING, allClauses, numberDoc, type CharterDoc } from "./document.ts";

export type { DiffPart } from "../../core/text-diff.ts";

/** Where a clause stands in one version: its number, its chapter's number (null: closing) and text. */
export interface ClausePlace {
  number: number;
  chapter: number | null;
  section: number;
  text: string;
}

/** What happened to one clause between two versions. */
export interface ClauseChange {
  key: number;
  kind: "added" | "removed" | "changed" | "moved" | "same";
  before: ClausePlace | null;
  after: ClausePlace | null;
  /** Word-level diff of the text when it changed. */
  parts: DiffPart[] | null;
  /** Taken out of its place among the other clauses, or into another chapter. */
  moved: boolean;
  /** Its number differs (also when only clauses before it were added or removed). */
  renumbered: boolean;
}

/** What happened to a chapter: added, removed, renamed (title diff) or moved. */
export interface ChapterChange {
  key: number;
  kind: "added" | "removed" | "renamed" | "moved" | "same";
  before: { number: number; title: string } | null;
  after: { number: number; title: string } | null;
  parts: DiffPart[] | null;
}

/** What happened to a definition. */
export interface DefinitionChange {
  key: number;
  kind: "added" | "removed" | "changed" | "same";
  term: string;
  termParts: DiffPart[] | null;
  meaningParts: DiffPart[] | null;
  before: { term: string; meaning: string } | null;
  after: { term: string; meaning: string } | null;
}

/** A clause-by-clause comparison of two versions of a charter. */
export interface CharterDiff {
  title: DiffPart[] | null;
  preamble: DiffPart[] | null;
  definitions: DefinitionChange[];
  chapters: ChapterChange[];
  /** Every clause in reading order of the newer version; removed ones where they stood. */
  clauses: ClauseChange[];
  summary: { added: number; removed: number; changed: number; moved: number; renumbered: number };
}

/**
 * A word diff that does not see a change of digits as a change: "๕๕" and "55" are the same
 * number, written in the tambon's digits or not. Equal runs show the newer text as it is written.
 */
export function sameDigitsDiff(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  const changes = diffArrays(tokens(before), tokens(after), {
    comparator: (a, b) => a === b || toArabicDigits(a) === toArabicDigits(b),
  });
  for (const change of changes) {
    const kind = change.added ? "add" : change.removed ? "del" : "same";
    const text = change.value.join("");
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  }
  return parts;
}

/** A word diff, or null when the texts are equal (digits compared as numbers, ๕ = 5). */
function textDiff(before: string, after: string): DiffPart[] | null {
  return before === after || toArabicDigits(before) === toArabicDigits(after)
    ? null
    : sameDigitsDiff(before, after);
}

function places(doc: CharterDoc): Map<number, ClausePlace> {
  const n = numberDoc(doc);
  const out = new Map<number, ClausePlace>();
  for (const { clause, number, section } of allClauses(doc)) {
    out.set(clause.key, {
      number,
      section,
      chapter: section === CLOSING ? null : (n.chapter.get(section) ?? null),
      text: clause.text,
    });
  }
  return out;
}

/** Compares two versions clause by clause (matched by their keys), with word-level Thai diffs. */
export function diffCharters(before: CharterDoc, after: CharterDoc): CharterDiff {
  const bPlaces = places(before);
  const aPlaces = places(after);
  const bKeys = [...bPlaces.keys()];
  const aKeys = [...aPlaces.keys()];
  const clauses: ClauseChange[] = [];
  const summary = { added: 0, removed: 0, changed: 0, moved: 0, renumbered: 0 };

  const entry = (key: number, inOrder: boolean): ClauseChange => {
    const b = bPlaces.get(key) ?? null;
    const a = aPlaces.get(key) ?? null;
    if (!b || !a) {
      summary[a ? "added" : "removed"]++;
      return {
        key,
        kind: a ? "added" : "removed",
        before: b,
        after: a,
        parts: null,
        moved: false,
        renumbered: false,
      };
    }
    const parts = textDiff(b.text, a.text);
    const moved = !inOrder || b.section !== a.section;
    const renumbered = b.number !== a.number;
    if (parts) summary.changed++;
    else if (moved) summary.moved++;
    if (renumbered) summary.renumbered++;
    return {
      key,
      kind: parts ? "changed" : moved ? "moved" : "same",
      before: b,
      after: a,
      parts,
      moved,
      renumbered,
    };
  };

  // The longest common order of keys: keys outside it were moved (or added / removed).
  for (const change of diffArrays(bKeys, aKeys)) {
    for (const key of change.value) {
      if (change.removed) {
        if (!aPlaces.has(key)) clauses.push(entry(key, false));
      } else if (change.added) {
        clauses.push(entry(key, !bPlaces.has(key)));
      } else clauses.push(entry(key, true));
    }
  }

  const bNum = numberDoc(before);
  const aNum = numberDoc(after);
  const chapters: ChapterChange[] = [];
  const bChapters = new Map(before.chapters.map((c) => [c.key, c]));
  const aChapterKeys = new Set(after.chapters.map((c) => c.key));
  const sameOrder = new Set(
    diffArrays(
      before.chapters.map((c) => c.key),
      after.chapters.map((c) => c.key),
    )
      .filter((c) => !c.added && !c.removed)
      .flatMap((c) => c.value),
  );
  for (const c of after.chapters) {
    const b = bChapters.get(c.key);
    const a = { number: aNum.chapter.get(c.key)!, title: c.title };
    if (!b) {
      chapters.push({ key: c.key, kind: "added", before: null, after: a, parts: null });
      continue;
    }
    const parts = textDiff(b.title, c.title);
    const kind = parts ? "renamed" : sameOrder.has(c.key) ? "same" : "moved";
    chapters.push({
      key: c.key,
      kind,
      before: { number: bNum.chapter.get(c.key)!, title: b.title },
      after: a,
      parts,
    });
  }
  for (const c of before.chapters)
    if (!aChapterKeys.has(c.key))
      chapters.push({
        key: c.key,
        kind: "removed",
        before: { number: bNum.chapter.get(c.key)!, title: c.title },
        after: null,
        parts: null,
      });

  const definitions: DefinitionChange[] = [];
  const bDefs = new Map(before.definitions.map((d) => [d.key, d]));
  const aDefKeys = new Set(after.definitions.map((d) => d.key));
  for (const d of after.definitions) {
    const b = bDefs.get(d.key);
    if (!b) {
      definitions.push({
        key: d.key,
        kind: "added",
        term: d.term,
        termParts: null,
        meaningParts: null,
        before: null,
        after: { term: d.term, meaning: d.meaning },
      });
      continue;
    }
    const termParts = textDiff(b.term, d.term);
    const meaningParts = textDiff(b.meaning, d.meaning);
    definitions.push({
      key: d.key,
      kind: termParts || meaningParts ? "changed" : "same",
      term: d.term,
      termParts,
      meaningParts,
      before: { term: b.term, meaning: b.meaning },
      after: { term: d.term, meaning: d.meaning },
    });
  }
  for (const d of before.definitions)
    if (!aDefKeys.has(d.key))
      definitions.push({
        key: d.key,
        kind: "removed",
        term: d.term,
        termParts: null,
        meaningParts: null,
        before: { term: d.term, meaning: d.meaning },
        after: null,
      });

  return {
    title: textDiff(before.title, after.title),
    preamble: textDiff(before.preamble, after.preamble),
    definitions,
    chapters,
    clauses,
    summary,
  };
}

/** True when the two versions differ in any text or order. */
export function hasChanges(diff: CharterDiff): boolean {
  const s = diff.summary;
  return (
    !!diff.title ||
    !!diff.preamble ||
    s.added + s.removed + s.changed + s.moved > 0 ||
    diff.chapters.some((c) => c.kind !== "same") ||
    diff.definitions.some((d) => d.kind !== "same")
  );
}
