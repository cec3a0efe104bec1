import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { getByGeocode } from "thai-address-universal";
import type { Db, Tx } from "../db/index.ts";
import { roleGrants, tambonMembers, tambons, villages } from "../db/schema.ts";
import { audit, auditBy } from "../audit.ts";
import { fields, parseForm } from "../forms.ts";
import { fail, ok, type FieldError, type Result } from "../result.ts";
import { can } from "../policy.ts";
import type { Actor } from "../roles.ts";
import type { Tambon } from "../tenancy.ts";
import type { TambonModule } from "../modules.ts";
import type { DigitStyle } from "../digits.ts";
import { pick } from "../pick.ts";
import { tambonWhere } from "../db/tambon-row.ts";

/** Names of a subdistrict and its district and province, from the national address list. */
export interface PlaceNames {
  code: string;
  nameTh: string;
  nameEn: string;
  districtTh: string;
  districtEn: string;
  provinceTh: string;
  provinceEn: string;
  postalCode: string | null;
}

/** Looks up a 6-digit DOPA subdistrict code in the national list shipped by thai-address-universal. */
export async function lookupSubdistrict(code: string): Promise<PlaceNames | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const [sub, dist, prov] = await Promise.all([
    getByGeocode(code),
    getByGeocode(code.slice(0, 4)),
    getByGeocode(code.slice(0, 2)),
  ]);
  if (!sub || !dist || !prov) return null;
  return {
    code,
    nameTh: sub.nameTh,
    nameEn: sub.nameEn,
    districtTh: dist.nameTh,
    districtEn: dist.nameEn,
    provinceTh: prov.nameTh,
    provinceEn: prov.nameEn,
    postalCode: sub.postalCode ?? null,
  };
}

/** A URL slug from an English name: "La-ngu" → "la-ngu", "Ko Kha" → "ko-kha". */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
const HOST =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** Input of createTambon. */
export interface CreateTambonInput {
  dopaCode: string;
  slug?: string;
  kind: "sao" | "municipality";
  isDemo?: boolean;
  siteOpened?: string | null;
}

/** Adds a tambon to the network from its DOPA code; modules set up their defaults in the same transaction. */
export async function createTambon(
  db: Db,
  actor: Actor | null,
  input: CreateTambonInput,
  modules: TambonModule[],
): Promise<Result<Tambon>> {
  if (actor && !actor.user?.isNetworkAdmin) return fail("_form", "error.403");
  const place = await lookupSubdistrict(input.dopaCode);
  if (!place) return fail("dopaCode", "err.dopaUnknown");
  const slug = (input.slug?.trim() || slugify(place.nameEn)).toLowerCase();
  if (!SLUG.test(slug)) return fail("slug", "err.slug");
  if (input.kind !== "sao" && input.kind !== "municipality") return fail("kind", "err.required");
  const [dupCode] = await db
    .select({ id: tambons.id })
    .from(tambons)
    .where(eq(tambons.dopaCode, place.code));
  if (dupCode) return fail("dopaCode", "err.dopaTaken");
  const [dupSlug] = await db.select({ id: tambons.id }).from(tambons).where(eq(tambons.slug, slug));
  if (dupSlug) return fail("slug", "err.slugTaken");
  const tambon = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(tambons)
      .values({
        slug,
        dopaCode: place.code,
        ...pick(
          place,
          "nameTh",
          "nameEn",
          "districtTh",
          "districtEn",
          "provinceTh",
          "provinceEn",
          "postalCode",
        ),
        kind: input.kind,
        isDemo: input.isDemo ?? false,
        siteOpened: input.siteOpened ?? null,
      })
      .returning();
    const created = row!;
    await audit(tx, {
      tambonId: created.id,
      actorId: actor?.user?.id ?? null,
      action: "tambon.create",
      targetType: "tambon",
      targetId: created.id,
      after: { slug, dopaCode: place.code, nameTh: place.nameTh, kind: input.kind },
    });
    for (const mod of modules)
      await mod.onTambonCreated?.(tx as Tx, created, actor?.user?.id ?? null);
    return created;
  });
  return ok(tambon);
}

/** Makes an existing account the first administrator of a tambon. */
export async function grantFirstAdmin(
  db: Db,
  actor: Actor,
  tambonId: number,
  userId: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(tambonMembers)
      .values({ tambonId, userId, status: "active", verifiedAt: new Date() })
      .onConflictDoNothing();
    await tx
      .insert(roleGrants)
      .values({ tambonId, userId, role: "admin", grantedBy: actor.user?.id ?? null })
      .onConflictDoNothing();
    await auditBy(tx, actor, tambonId, {
      action: "user.roles",
      targetType: "user",
      targetId: userId,
      after: { granted: "admin" },
    });
  });
}

const settingsSchema = z.object({
  nameTh: fields.text(100),
  nameEn: fields.text(100),
  kind: fields.choice(["sao", "municipality"]),
  address: fields.optionalText(300),
  phone: fields.optionalText(40),
  email: fields.optionalText(200),
  siteOpened: fields.optionalDate(),
  ownerTh: fields.optionalText(200),
  ownerEn: fields.optionalText(200),
  host: fields.optionalText(253),
  minRepsPerVillage: fields.int(0, 100),
});

/** The settings form fields of a tambon. */
export type SettingsInput = Record<string, string>;

/** The settings a tambon's form changes as typed. */
const SETTINGS_FIELDS = [
  "nameTh",
  "nameEn",
  "kind",
  "address",
  "phone",
  "email",
  "siteOpened",
  "ownerTh",
  "ownerEn",
] as const;

/** Updates a tambon's settings; the logo path is set separately after an upload check. */
export async function updateTambonSettings(
  db: Db,
  actor: Actor,
  tambon: Tambon,
  input: SettingsInput,
  logoPath?: string,
): Promise<Result<Tambon>> {
  if (!can(actor, "tambon.manage", { tambonId: tambon.id })) return fail("_form", "error.403");
  const parsed = parseForm(settingsSchema, input);
  const errors: Record<string, FieldError> = parsed.ok ? {} : { ...parsed.errors };
  const host = (input.host ?? "").trim().toLowerCase();
  if (host && !HOST.test(host)) errors.host = { key: "err.host" };
  // The digit style: a form without the field keeps the tambon's choice.
  const digits = input.digits || tambon.digits;
  if (digits !== "arabic" && digits !== "thai") errors.digits = { key: "err.choice" };
  // A host name takes over every request that arrives under it: only the network's
  // administrators, who run the server, give one to a tambon or take it away.
  if (!errors.host && host !== (tambon.host ?? "") && !actor.user?.isNetworkAdmin)
    errors.host = { key: "err.hostPlatformOnly" };
  if (host && !errors.host) {
    const [taken] = await db
      .select({ id: tambons.id })
      .from(tambons)
      .where(and(eq(tambons.host, host), ne(tambons.id, tambon.id)));
    if (taken) errors.host = { key: "err.hostTaken" };
  }
  if (!parsed.ok || Object.keys(errors).length) return { ok: false, errors };
  const v = parsed.value;
  const next = {
    ...pick(v, ...SETTINGS_FIELDS),
    host: host || null,
    minRepsPerVillage: v.minRepsPerVillage,
    digits: digits as DigitStyle,
    logoPath: logoPath ?? tambon.logoPath,
  };
  const stored = [...SETTINGS_FIELDS, "host", "minRepsPerVillage", "digits", "logoPath"] as const;
  const updated = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(tambons)
      .set({
        ...pick(next, ...stored),
        updatedAt: new Date(),
      })
      .where(eq(tambons.id, tambon.id))
      .returning();
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const k of Object.keys(next) as (keyof typeof next)[]) {
      if (String(tambon[k] ?? "") !== String(next[k] ?? "")) {
        before[k] = tambon[k];
        after[k] = next[k];
      }
    }
    await auditBy(tx, actor, tambon.id, {
      action: "tambon.update",
      targetType: "tambon",
      targetId: tambon.id,
      before,
      after,
    });
    return row!;
  });
  return ok(updated);
}

const villageSchema = z.object({
  moo: fields.int(1, 99),
  nameTh: fields.text(100),
  nameEn: fields.optionalText(100),
  code: z.string().transform((s) => s.trim()),
  households: fields.optionalInt(0, 1_000_000),
  population: fields.optionalInt(0, 10_000_000),
});

/** Village row. */
export type Village = typeof villages.$inferSelect;

/** Adds or edits a village of the tambon (village code = tambon code + 2 digits). */
export async function saveVillage(
  db: Db,
  actor: Actor,
  tambon: Tambon,
  input: Record<string, string>,
  villageId?: number,
): Promise<Result<Village>> {
  if (!can(actor, "tambon.manage", { tambonId: tambon.id })) return fail("_form", "error.403");
  const parsed = parseForm(villageSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const code = v.code || `${tambon.dopaCode}${String(v.moo).padStart(2, "0")}`;
  if (!/^\d{8}$/.test(code) || !code.startsWith(tambon.dopaCode)) {
    return fail("code", "err.villageCode", { prefix: tambon.dopaCode });
  }
  const existing = await db.select().from(villages).where(eq(villages.tambonId, tambon.id));
  const current = villageId ? existing.find((x) => x.id === villageId) : undefined;
  if (villageId && !current) return fail("_form", "error.404");
  if (existing.some((x) => x.moo === v.moo && x.id !== villageId))
    return fail("moo", "err.mooTaken");
  if (existing.some((x) => x.code === code && x.id !== villageId))
    return fail("code", "err.codeTaken");
  const values = {
    ...pick(v, "moo", "nameTh", "nameEn"),
    code,
    households: v.households,
    population: v.population,
  };
  const saved = await db.transaction(async (tx) => {
    const [row] = current
      ? await tx
          .update(villages)
          .set(values)
          .where(tambonWhere(villages, tambon.id, { id: current.id }))
          .returning()
      : await tx
          .insert(villages)
          .values({
            tambonId: tambon.id,
            ...pick(values, "moo", "nameTh", "nameEn", "code", "households", "population"),
          })
          .returning();
    await auditBy(tx, actor, tambon.id, {
      action: current ? "village.update" : "village.create",
      targetType: "village",
      targetId: row!.id,
      before: current ? { ...current } : null,
      after: values,
    });
    return row!;
  });
  return ok(saved);
}
