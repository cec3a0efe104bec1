/**
 * The Thai ID (เลขประจำตัวประชาชน): 13 digits whose last is a check digit over the first twelve
 * (each digit weighted 13 down to 2, check = (11 − sum mod 11) mod 10).
 */

/** The check digit of the first twelve digits of a Thai ID. */
export function thaiIdCheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

/**
 * A Thai ID as typed ("1 1037 02071 81 1", "1-1037-02071-81-1", Thai digits too) as its 13
 * digits, or null when it is not 13 digits with a right check digit.
 */
export function normaliseThaiId(raw: string): string | null {
  const digits = raw
    .replace(/[๐-๙]/g, (c) => String(c.charCodeAt(0) - 0x0e50))
    .replace(/[\s\-.]/g, "");
  if (!/^\d{13}$/.test(digits)) return null;
  return thaiIdCheckDigit(digits.slice(0, 12)) === Number(digits[12]) ? digits : null;
}

/** True for a valid Thai ID (as typed). */
export function isThaiId(raw: string): boolean {
  return normaliseThaiId(raw) !== null;
}

/** A Thai ID written as on the card: 1-2345-67890-12-3. */
export function formatThaiId(digits: string): string {
  return /^\d{13}$/.test(digits)
    ? `${digits[0]}-${digits.slice(1, 5)}-${digits.slice(5, 10)}-${digits.slice(10, 12)}-${digits[12]}`
    : digits;
}
