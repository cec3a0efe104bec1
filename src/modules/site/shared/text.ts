export const segmenter = new Intl.Segmenter("th", { granularity: "word" });

/** Splits Thai (and any other) text into words, as the search index stores them. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text.normalize("NFC"))) {
    if (!s.isWordLike) continue;
    const w = s.segment.toLowerCase().replace(/[^\p{L}\p{N}\p{M}]/gu, "");
    if (w) out.push(w);
  }
  return out;
}

/** Text with its words separated by spaces, ready for `to_tsvector('simple', …)`. */
export function segmented(text: string): string {
  return words(text).join(" ");
}

/** The words a search looks for (at most 12), as the index stores them. */
export function queryWords(query: string): string[] {
  return words(query).slice(0, 12);
}

/** A `to_tsquery('simple', …)` expression: every word of the query must match (the last as a prefix). */
export function searchQuery(query: string): string | null {
  return tsquery(queryWords(query));
}

/** `searchQuery` of words already split. */
export function tsquery(ws: readonly string[]): string | null {
  if (!ws.length) return null;
  return ws.map((w, i) => (i === ws.length - 1 ? `${w}:*` : w)).join(" & ");
}

/** A piece of text cut for a search result, split into plain and matching parts. */
export type Snippet = { text: string; hit: boolean }[];

/** The part of `text` around the first matching word, with every match marked. */
export function snippet(text: string, query: string, length = 180): Snippet {
  return snippetsOf(query)(text, length);
}

/**
 * `snippet` for one query and many texts (a page of results): the query is split into words and
 * its pattern made once, not once a text.
 */
export function snippetsOf(
  query: string,
): (text: string, length?: number, around?: { before: boolean; after: boolean }) => Snippet {
  const ws = [...new Set(words(query))].sort((a, b) => b.length - a.length);
  const re = ws.length
    ? new RegExp(ws.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "gi")
    : null;
  // `around`: the text is part of a longer one, which goes on before or after it.
  return (text, length = 180, around = { before: false, after: false }) => {
    const flat = text.replace(/\s+/g, " ").trim();
    const lower = flat.toLowerCase();
    let first = -1;
    for (const w of ws) {
      const i = lower.indexOf(w);
      if (i >= 0 && (first < 0 || i < first)) first = i;
    }
    const start = first > length / 3 ? first - Math.floor(length / 3) : 0;
    const cut = flat.slice(start, start + length);
    const prefix = start > 0 || around.before ? "…" : "";
    const suffix = start + length < flat.length || around.after ? "…" : "";
    if (!re) return [{ text: prefix + cut + suffix, hit: false }];
    const parts: Snippet = [];
    let last = 0;
    for (const m of cut.matchAll(re)) {
      if (m.index > last) parts.push({ text: cut.slice(last, m.index), hit: false });
      const prev = parts[parts.length - 1];
      // Words found next to each other are marked as one ("ก่อ" + "ตั้ง" → "ก่อตั้ง").
      if (prev?.hit && m.index === last) prev.text += m[0];
      else parts.push({ text: m[0], hit: true });
      last = m.index + m[0].length;
    }
    if (last < cut.length) parts.push({ text: cut.slice(last), hit: false });
    if (prefix) parts.unshift({ text: prefix, hit: false });
    if (suffix) parts.push({ text: suffix, hit: false });
    return parts;
  };
}

/** A readable URL part from a title: Thai letters kept, spaces to dashes, at most 60 characters. */
export function slugify(title: string): string {
  return title
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
}

/** A URL part made of an id and a slug, "12-ข่าว" (percent-encoded, as links and headers need). */
export function idSlug(id: number, slug: string): string {
  return slug ? `${id}-${encodeURIComponent(slug)}` : String(id);
}

/** Plain text of Markdown (for search and descriptions): marks and links removed. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, " ")
    .replace(/[#>*_`~|-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Formats a byte count as the seed does: "144,293 bytes". */
export function bytesLabel(bytes: number): string {
  return `${bytes.toLocaleString("en-US")} bytes`;
}

/** A short size: "1.2 MB", "340 KB". */
export function sizeLabel(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
