import { loadSharp } from "../../../core/sharp.ts";
import { onePagePdf } from "../../../core/one-page-pdf.ts";

/** A demo file's name: kind, "de" and the index in hex (recognised when the file is missing). */
export function demoFileName(kind: "partner" | "agreement" | "centre", index: number): string {
  return `${kind}-de${index.toString(16).padStart(14, "0")}.${kind === "agreement" ? "pdf" : "webp"}`;
}

const DEMO_NAME = /^(partner|agreement|centre)-de([0-9a-f]{14})(-thumb)?\.(webp|pdf)$/;

const SCENES = [
  "ศูนย์เรียนรู้ชุมชน",
  "แปลงผักปลอดสารพิษ",
  "ธนาคารขยะ",
  "ป่าชายเลน",
  "ลานกิจกรรมผู้สูงอายุ",
  "โรงเรียนผู้สูงอายุ",
];

function svgPhoto(index: number): string {
  const hue = (index * 53 + 120) % 360;
  const scene = SCENES[index % SCENES.length]!;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="960"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},50%,58%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360},45%,30%)"/></linearGradient></defs><rect width="1280" height="960" fill="url(#g)"/><rect x="160" y="360" width="520" height="360" fill="rgba(255,255,255,0.25)"/><polygon points="140,370 420,170 700,370" fill="rgba(255,255,255,0.35)"/><circle cx="980" cy="260" r="120" fill="rgba(255,240,180,0.5)"/><text x="80" y="870" font-family="Sarabun, Loma, sans-serif" font-size="60" fill="#fff">${scene} (ภาพสาธิต ${index + 1})</text></svg>`;
}

function svgLogo(index: number): string {
  const hue = (index * 71) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><circle cx="128" cy="128" r="120" fill="hsl(${hue},55%,40%)"/><circle cx="128" cy="128" r="92" fill="none" stroke="#fff" stroke-width="6"/><text x="128" y="150" text-anchor="middle" font-family="Sarabun, Loma, sans-serif" font-size="64" fill="#fff">ภาคี</text></svg>`;
}

/** A small valid one-page PDF standing for a signed agreement in the demo. */
export function demoPdf(): Buffer {
  return onePagePdf("MOU - demo document, Tambon platform", 20);
}

const cache = new Map<string, Promise<Buffer>>();

async function make(kind: string, index: number, thumb: boolean): Promise<Buffer> {
  const sharp = await loadSharp();
  if (kind === "agreement") return demoPdf();
  if (kind === "partner")
    return sharp(Buffer.from(svgLogo(index)))
      .webp({ quality: 85 })
      .toBuffer();
  const base = sharp(Buffer.from(svgPhoto(index)));
  return thumb
    ? base.resize({ width: 480, height: 480, fit: "inside" }).webp({ quality: 75 }).toBuffer()
    : base.webp({ quality: 82 }).toBuffer();
}

/** The bytes of a demo file (the same every time), or null when the name is not a demo file's. */
export function demoFile(name: string): Promise<Buffer> | null {
  const m = DEMO_NAME.exec(name);
  if (!m) return null;
  if ((m[1] === "agreement") !== (m[4] === "pdf")) return null;
  if (m[3] && m[1] !== "centre") return null;
  let p = cache.get(name);
  if (!p) cache.set(name, (p = make(m[1]!, parseInt(m[2]!, 16), !!m[3])));
  return p;
}
