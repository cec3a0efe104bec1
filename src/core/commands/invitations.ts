import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/index.ts";
import { roleGrants, tambonMembers, users } from "../db/schema.ts";
import { auditBy } from "../audit.ts";
import { newToken } from "../auth/tokens.ts";
import { isEmail, isPhone, normalisePhone } from "../forms.ts";
import { fail, ok, type Result } from "../result.ts";
import type { Actor } from "../roles.ts";
import type { Tambon } from "../tenancy.ts";
import type { Village } from "./tambons.ts";
import { saveVillage } from "./tambons.ts";
import { storeResetLink } from "./accounts.ts";

/** A phone number or an e-mail address, as the network administrator typed it. */
export type Contact = { phone: string; email: null } | { phone: null; email: string };

/** Reads a phone number or an e-mail address (null: it is neither). */
export function contactOf(raw: string): Contact | null {
  const text = raw.trim();
  if (text.includes("@")) return isEmail(text) ? { phone: null, email: text } : null;
  const phone = normalisePhone(text);
  return phone && isPhone(phone) ? { phone, email: null } : null;
}

/**
 * Invites the first administrator of a new tambon by phone or e-mail when no account has it yet:
 * an account with that contact, an active member with the admin role, and a one-time link (valid
 * 7 days) by which they accept — they choose their password there and can sign in. The link's
 * token is returned for the page to show (and for e-mail); only its hash is kept. Network
 * administrators only; audited.
 */
export async function inviteFirstAdmin(
  db: Db,
  actor: Actor,
  tambon: Tambon,
  input: { contact: string; name: string },
): Promise<Result<{ userId: number; token: string; contact: Contact }>> {
  if (!actor.user?.isNetworkAdmin) return fail("_form", "error.403");
  const contact = contactOf(input.contact);
  if (!contact) return fail("firstAdmin", "err.contact");
  const [taken] = contact.email
    ? await db
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.email}) = ${contact.email.toLowerCase()}`)
    : await db.select({ id: users.id }).from(users).where(eq(users.phone, contact.phone!));
  if (taken) return fail("firstAdmin", contact.email ? "err.emailTaken" : "err.phoneTaken");
  const name =
    input.name.replace(/\s+/g, " ").trim().slice(0, 120) || (contact.email ?? contact.phone!);
  const token = newToken();
  const userId = await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ name, phone: contact.phone, email: contact.email })
      .returning({ id: users.id });
    const id = user!.id;
    const username = `u${tambon.id}-${id}`;
    await tx.update(users).set({ username }).where(eq(users.id, id));
    await tx
      .insert(tambonMembers)
      .values({ tambonId: tambon.id, userId: id, status: "active", verifiedAt: new Date() });
    await tx.insert(roleGrants).values([
      { tambonId: tambon.id, userId: id, role: "member", grantedBy: actor.user!.id },
      { tambonId: tambon.id, userId: id, role: "admin", grantedBy: actor.user!.id },
    ]);
    await storeResetLink(tx, token, id, tambon.id, actor);
    await auditBy(tx, actor, tambon.id, {
      action: "user.invite",
      targetType: "user",
      targetId: id,
      after: {
        name,
        username,
        phone: contact.phone,
        email: contact.email,
        roles: ["member", "admin"],
      },
    });
    return id;
  });
  return ok({ userId, token, contact });
}

/** One village read from a pasted line. */
export interface PastedVillage {
  moo: number;
  nameTh: string;
}

const THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙";

/**
 * Villages pasted one a line, as the official list writes them: "หมู่ 3 บ้านนา", "หมู่ที่ ๓ บ้านนา",
 * "ม.3 บ้านนา", "3 บ้านนา" or "3<tab>บ้านนา" (Thai or Arabic digits). Returns the villages, or
 * the numbers (1-based) of the lines that are none of these.
 */
export function parseVillageLines(
  text: string,
): { ok: true; villages: PastedVillage[] } | { ok: false; lines: number[] } {
  const villages: PastedVillage[] = [];
  const bad: number[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw
      .replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)))
      .replace(/\s+/g, " ")
      .trim();
    if (!line) return;
    const m = /^(?:หมู่(?:ที่)?|ม\.|moo)?\s*(\d+)\s*[.:,;-]?\s*(\D.*)$/i.exec(line);
    const moo = m ? Number(m[1]) : 0;
    if (!m || moo < 1 || moo > 99) bad.push(i + 1);
    else villages.push({ moo, nameTh: m[2]!.slice(0, 100) });
  });
  return bad.length ? { ok: false, lines: bad } : { ok: true, villages };
}

/**
 * Creates a new tambon's villages from pasted lines (see `parseVillageLines`); each is saved as the
 * villages page saves one (code = the tambon's code and the village number), audited. Stops at
 * the first refusal and reports it (villages saved before it stay: each is its own change).
 */
export async function addPastedVillages(
  db: Db,
  actor: Actor,
  tambon: Tambon,
  text: string,
): Promise<Result<Village[]>> {
  const parsed = parseVillageLines(text);
  if (!parsed.ok) return fail("villages", "err.villageLines", { lines: parsed.lines.join(", ") });
  const seen = new Set<number>();
  for (const v of parsed.villages) {
    if (seen.has(v.moo)) return fail("villages", "err.mooTaken");
    seen.add(v.moo);
  }
  const saved: Village[] = [];
  for (const v of parsed.villages) {
    const r = await saveVillage(db, actor, tambon, {
      moo: String(v.moo),
      nameTh: v.nameTh,
      code: "",
    });
    if (!r.ok) return r;
    saved.push(r.value);
  }
  return ok(saved);
}
