import { diffArrays } from "diff";

const segmenter = new Intl.Segmenter("th", { granularity: "word" });

/** Splits text into words and the spaces and marks between them (Thai words found by Intl.Segmenter). */
export function tokens(text: string): string[] {
  return [...segmenter.segment(text.normalize("NFC"))].map((s) => s.segment);
}

/** One run of a word-level diff: kept, added or removed text. */
export interface DiffPart {
  kind: "same" | "add" | "del";
  text: string;
}

/** A word-level diff of two texts that works for Thai, which has no spaces between words. */
export function wordDiff(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of diffArrays(tokens(before), tokens(after))) {
    const kind = change.added ? "add" : change.removed ? "del" : "same";
    const text = change.value.join("");
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  }
  return parts;
}
