/**
 * How alike two project titles (or objectives) are, on Thai text: the words that say nothing of
 * what a project does ("โครงการ", "ส่งเสริม", "หมู่ที่" …) are dropped, the rest is segmented into
 * words with `Intl.Segmenter("th")`, and two Dice coefficients are averaged: over the sets of
 * words, and over the sets of character pairs (which forgives the segmenter's cuts, such as
 * "เสริมสุข|ภาพ").
 */

const segmenter = new Intl.Segmenter("th", { granularity: "word" });

/** Phrases common to every project's title, cut out of the text before it is segmented. */
const STOP_PHRASES = [
  "โครงการ",
  "กิจกรรม",
  "ส่งเสริม",
  "สนับสนุน",
  "ประจำปี",
  "งบประมาณ",
  "หมู่บ้าน",
  "หมู่ที่",
  "ตำบล",
  "อำเภอ",
  "จังหวัด",
].sort((a, b) => b.length - a.length);

/** Words dropped after segmenting (cut as whole words only: "การ" stays inside "พิการ"). */
const STOP_WORDS = new Set([
  "เพื่อ",
  "ของ",
  "และ",
  "หรือ",
  "ให้",
  "แก่",
  "กับ",
  "ใน",
  "ที่",
  "การ",
  "ความ",
  "หมู่",
  "ผู้",
  "สาย",
  "บ้าน",
  "ชุมชน",
  "the",
  "of",
  "and",
  "for",
  "in",
  "to",
  "an",
  "project",
]);

/** The meaningful words of a text, lower-cased, without digits, punctuation or stop phrases. */
export function meaningfulWords(text: string): string[] {
  let s = text.normalize("NFC").toLowerCase();
  for (const p of STOP_PHRASES) s = s.split(p).join(" ");
  const out: string[] = [];
  for (const seg of segmenter.segment(s)) {
    if (!seg.isWordLike) continue;
    const w = seg.segment.replace(/[^\p{L}\p{M}]/gu, "");
    if ([...w].length < 2 || STOP_WORDS.has(w)) continue;
    out.push(w);
  }
  return out;
}

function dice<T>(a: Set<T>, b: Set<T>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function charPairs(words: string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    const chars = [...w];
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/** A comparable form of a text, computed once when one text is compared with many. */
export interface Fingerprint {
  words: Set<string>;
  pairs: Set<string>;
}

/** The fingerprint of a text. */
export function fingerprint(text: string): Fingerprint {
  const ws = meaningfulWords(text);
  return { words: new Set(ws), pairs: charPairs(ws) };
}

/** How alike two fingerprints are, from 0 (nothing shared) to 1 (the same words). */
export function likeness(a: Fingerprint, b: Fingerprint): number {
  return (dice(a.words, b.words) + dice(a.pairs, b.pairs)) / 2;
}

/** How alike two texts are, from 0 to 1. */
export function similarity(a: string, b: string): number {
  return likeness(fingerprint(a), fingerprint(b));
}
