import { randomInt } from "node:crypto";

export const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A new tracking code of a complaint, e.g. "RT-7KQ2-M9XP" (no 0/O or 1/I/L to confuse). */
export function newTrackingCode(): string {
  const pick = (n: number) =>
    Array.from({ length: n }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `RT-${pick(4)}-${pick(4)}`;
}

/** A tracking code as typed by a person, normalised (spaces removed, upper case); null when malformed. */
export function normaliseCode(raw: string): string | null {
  const s = raw.toUpperCase().replace(/[\s_]/g, "");
  const m = /^RT-?([A-Z0-9]{4})-?([A-Z0-9]{4})$/.exec(s);
  return m ? `RT-${m[1]}-${m[2]}` : null;
}
