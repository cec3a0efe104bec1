import { loadSharp } from "../sharp.ts";
import type { DbOrTx } from "../db/index.ts";
import { getFileByKey } from "../file-store.ts";
import { logoName } from "../files.ts";
import type { Tambon } from "../tenancy.ts";

/** The icon sizes a phone asks for (Android: 192 and 512; the maskable one at 512). */
export const PWA_ICON_SIZES = [192, 512] as const;
export type IconKind = "any" | "maskable";

/** The platform's colour (app.css --brand), for a tambon without a logo. */
export const DEFAULT_THEME = "#0b6b3a";

/** The default icon: a house under a sun on the platform's green, for a tambon without a logo. */
const DEFAULT_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 100 100">
<rect width="100" height="100" fill="${DEFAULT_THEME}"/>
<path d="M24 52 L50 28 L76 52 L76 78 L24 78 Z" fill="#ffffff"/>
<rect x="43" y="60" width="14" height="18" fill="${DEFAULT_THEME}"/>
<circle cx="74" cy="27" r="9" fill="#ffc107"/>
</svg>`;

interface Made {
  theme: string;
  icons: Map<string, Promise<Buffer>>;
}

/** Per tambon and logo: its colour and drawn icons (a new logo has a new address, so a new entry). */
const made = new Map<string, Promise<Made>>();

async function logoBytes(db: DbOrTx, tambon: Tambon): Promise<Buffer | null> {
  const name = logoName(tambon.logoPath);
  if (!name) return null;
  const file = await getFileByKey(db, tambon.id, name);
  return file ? Buffer.from(file.data) : null;
}

const hex = (n: number) =>
  Math.max(0, Math.min(255, Math.round(n)))
    .toString(16)
    .padStart(2, "0");

/**
 * The theme colour of a logo: its dominant colour, unless that is nearly white or transparent
 * (a logo on a white ground), when the platform's colour is used.
 */
async function themeOf(logo: Buffer | null): Promise<string> {
  if (!logo) return DEFAULT_THEME;
  try {
    const sharp = await loadSharp();
    const { dominant } = await sharp(logo).flatten({ background: "#ffffff" }).stats();
    if (dominant.r > 230 && dominant.g > 230 && dominant.b > 230) return DEFAULT_THEME;
    return `#${hex(dominant.r)}${hex(dominant.g)}${hex(dominant.b)}`;
  } catch {
    return DEFAULT_THEME;
  }
}

async function draw(logo: Buffer | null, size: number, kind: IconKind): Promise<Buffer> {
  const sharp = await loadSharp();
  if (!logo) return sharp(Buffer.from(DEFAULT_SVG)).resize(size, size).png().toBuffer();
  // A maskable icon's launcher may cut anything outside the middle 80%: the logo keeps to 60%.
  const inner = Math.round(size * (kind === "maskable" ? 0.6 : 0.9));
  return sharp(logo)
    .resize(inner, inner, { fit: "contain", background: { r: 255, g: 255, b: 255, alpha: 0 } })
    .toBuffer()
    .then((img) =>
      sharp({
        create: { width: size, height: size, channels: 4, background: "#ffffff" },
      })
        .composite([{ input: img, gravity: "centre" }])
        .png()
        .toBuffer(),
    )
    .catch(() => sharp(Buffer.from(DEFAULT_SVG)).resize(size, size).png().toBuffer());
}

function entry(db: DbOrTx, tambon: Tambon): Promise<Made> {
  const key = `${tambon.id}:${tambon.logoPath ?? ""}`;
  let p = made.get(key);
  if (!p) {
    p = logoBytes(db, tambon).then(async (logo) => ({
      theme: await themeOf(logo),
      icons: new Map([
        ...PWA_ICON_SIZES.map((s) => [`any-${s}`, draw(logo, s, "any")] as const),
        ["maskable-512", draw(logo, 512, "maskable")] as const,
      ]),
    }));
    p.catch(() => made.delete(key));
    made.set(key, p);
  }
  return p;
}

/** The tambon's theme colour (from its logo). */
export async function themeColour(db: DbOrTx, tambon: Tambon): Promise<string> {
  return (await entry(db, tambon)).theme;
}

/** The tambon's icon of that size and kind as a PNG, or null for a size it has not. */
export async function pwaIcon(
  db: DbOrTx,
  tambon: Tambon,
  size: number,
  kind: IconKind,
): Promise<Buffer | null> {
  const icon = (await entry(db, tambon)).icons.get(`${kind}-${size}`);
  return icon ? icon : null;
}
