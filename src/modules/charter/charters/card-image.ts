import { loadSharp } from "../../../core/sharp.ts";

/** The size of a shared link's preview picture (Open Graph). */
export const CARD_IMAGE = { width: 1200, height: 630 } as const;

const escapeXml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!,
  );

/** Breaks Thai or English text into lines of about `width` characters at word boundaries. */
export function wrapWords(text: string, width: number, maxLines: number): string[] {
  const words = [...new Intl.Segmenter("th", { granularity: "word" }).segment(text)].map(
    (w) => w.segment,
  );
  const lines: string[] = [];
  let line = "";
  let i = 0;
  for (; i < words.length; i++) {
    const next = line + words[i];
    if (line.trim() && next.trimEnd().length > width) {
      lines.push(line.trim());
      line = "";
      if (lines.length === maxLines) break;
      line = words[i]!.trimStart();
    } else line = next;
  }
  if (lines.length < maxLines) {
    if (line.trim()) lines.push(line.trim());
  } else if (i < words.length) {
    const last = lines[maxLines - 1]!;
    lines[maxLines - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`;
  }
  return lines;
}

/** The preview picture of an edition's summary card: issuer, title, edition and a few facts. */
export async function cardImage(card: {
  issuer: string;
  title: string;
  edition: string;
  facts: string;
}): Promise<Buffer> {
  const { width, height } = CARD_IMAGE;
  const titleLines = wrapWords(card.title, 30, 3);
  const text = (x: number, y: number, size: number, weight: number, fill: string, s: string) =>
    `<text x="${x}" y="${y}" font-family="Loma, Garuda, Sarabun, sans-serif" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeXml(s)}</text>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="#f6f3ea"/>
  <rect x="0" y="0" width="24" height="100%" fill="#1f6f50"/>
  ${text(80, 110, 34, 400, "#40524a", card.issuer)}
  ${titleLines.map((l, i) => text(80, 210 + i * 78, 62, 700, "#17352a", l)).join("\n  ")}
  ${text(80, 230 + titleLines.length * 78, 40, 400, "#1f6f50", card.edition)}
  ${text(80, 570, 30, 400, "#40524a", card.facts)}
</svg>`;
  const sharp = await loadSharp();
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
}
