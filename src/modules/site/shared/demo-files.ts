import { loadSharp } from "../../../core/sharp.ts";
import { LARGE_WIDTH, THUMB_WIDTH, contentType, publicKey } from "./media.ts";
import { type DbOrTx } from "../../../core/db/index.ts";
import { siteDocuments, sitePhotos } from "../schema.ts";
import { eq } from "drizzle-orm";
import { getFileByKey, putFile, type StoredFile } from "../../../core/file-store.ts";
import { onePagePdf } from "../../../core/one-page-pdf.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

/** The files of a generated demo photo. */
export interface DemoPhoto {
  full: Buffer;
  thumb: Buffer;
  large: Buffer;
  width: number;
  height: number;
}

export const cache = new Map<number, Promise<DemoPhoto>>();

export const SCENES = [
  "ประชุมประชาคม",
  "เวทีเรียนรู้",
  "ลงพื้นที่เยี่ยมบ้าน",
  "ตลาดชุมชน",
  "ปลูกป่า",
  "ตรวจสุขภาพ",
];

export async function make(index: number): Promise<DemoPhoto> {
  const sharp = await loadSharp();
  const hue = (index * 47) % 360;
  const scene = SCENES[index % SCENES.length]!;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="960"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},55%,55%)"/><stop offset="1" stop-color="hsl(${(hue + 70) % 360},45%,28%)"/></linearGradient></defs><rect width="1280" height="960" fill="url(#g)"/><circle cx="${260 + ((index * 90) % 700)}" cy="380" r="190" fill="rgba(255,255,255,0.22)"/><rect x="700" y="520" width="420" height="260" rx="24" fill="rgba(0,0,0,0.18)"/><text x="80" y="850" font-family="Sarabun, Loma, sans-serif" font-size="64" fill="#fff">${scene} (ภาพสาธิต ${index + 1})</text></svg>`;
  const base = sharp(Buffer.from(svg));
  const full = await base.clone().jpeg({ quality: 80, mozjpeg: true }).toBuffer();
  const thumb = await base
    .clone()
    .resize({ width: THUMB_WIDTH, height: THUMB_WIDTH, fit: "cover" })
    .webp({ quality: 70 })
    .toBuffer();
  const large = await base
    .clone()
    .resize({ width: LARGE_WIDTH, height: LARGE_WIDTH, fit: "inside", withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();
  return { full, thumb, large, width: 1280, height: 960 };
}

/** A generated demo photo (the same bytes every time for the same index). */
export function demoPhoto(index: number): Promise<DemoPhoto> {
  let p = cache.get(index);
  if (!p) cache.set(index, (p = make(index)));
  return p;
}

/** The file key of demo photo `index` ("de" + hex), recognised when its files are missing. */
export function demoPhotoKey(index: number): string {
  return `de${index.toString(16).padStart(14, "0")}`;
}

/** The file key of the demo PDF. */
export const DEMO_PDF_KEY = "df00000000000000";

/** A small valid one-page PDF (the demo document). */
export function demoPdf(): Buffer {
  return onePagePdf("Demo document - Tambon", 24);
}

/**
 * Stores a missing file of a demo tambon when one of its rows names it: demo tambons are seeded
 * with rows alone, so the file store gets the demo's few pictures and its PDF the first time they
 * are asked for, and then serves them as any other. A name no row of the tambon has (an invented
 * one) makes and stores nothing.
 */
export async function materializeDemoFile(
  db: DbOrTx,
  tambonId: number,
  name: string,
): Promise<StoredFile | undefined> {
  const m = /^((de|df)[0-9a-f]{14})(-t|-l)?\.(jpg|webp|pdf)$/.exec(name);
  if (!m) return undefined;
  const [, key, kind, size, ext] = m;
  let buf: Buffer;
  if (kind === "df") {
    if (size || ext !== "pdf") return undefined;
    const [doc] = await db
      .select({ id: siteDocuments.id })
      .from(siteDocuments)
      .where(tambonWhere(siteDocuments, tambonId, { file: key!, ext: "pdf" }))
      .limit(1);
    if (!doc) return undefined;
    buf = demoPdf();
  } else {
    if (size ? ext !== "webp" : ext === "pdf") return undefined;
    const [photo] = await db
      .select({ id: sitePhotos.id })
      .from(sitePhotos)
      .where(
        tambonWhere(
          sitePhotos,
          tambonId,
          { file: key! },
          ...(size ? [] : [eq(sitePhotos.ext, ext!)]),
        ),
      )
      .limit(1);
    if (!photo) return undefined;
    const made = await demoPhoto(parseInt(key!.slice(2), 16));
    buf = size === "-t" ? made.thumb : size === "-l" ? made.large : made.full;
  }
  const storeKey = publicKey(name);
  try {
    await putFile(db, {
      tambonId,
      kind: "site.demo",
      contentType: contentType(name),
      data: buf,
      key: storeKey,
    });
  } catch (err) {
    // Two first requests at once: the other one stored it.
    if (!(await getFileByKey(db, tambonId, storeKey))) throw err;
  }
  return getFileByKey(db, tambonId, storeKey);
}
