import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** A moment, with its time zone. */
export const at = (name: string) => timestamp(name, { withTimezone: true });

/** When the row was made. */
export const createdAt = () => at("created_at").notNull().defaultNow();

/** The tenant key: the row's tambon; its rows go when the tambon goes. */
export const tambonId = () =>
  integer("tambon_id")
    .notNull()
    .references(() => tambons.id, { onDelete: "cascade" });

/** A subdistrict (ตำบล) served by this deployment; its id is the tenant key of every other row. */
export const tambons = pgTable(
  "tambons",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull(),
    dopaCode: text("dopa_code").notNull(),
    nameTh: text("name_th").notNull(),
    nameEn: text("name_en").notNull(),
    districtTh: text("district_th").notNull(),
    districtEn: text("district_en").notNull(),
    provinceTh: text("province_th").notNull(),
    provinceEn: text("province_en").notNull(),
    postalCode: text("postal_code"),
    kind: text("kind").$type<"sao" | "municipality">().notNull(),
    host: text("host"),
    logoPath: text("logo_path"),
    address: text("address").notNull().default(""),
    phone: text("phone").notNull().default(""),
    email: text("email").notNull().default(""),
    siteOpened: date("site_opened"),
    ownerTh: text("owner_th").notNull().default(""),
    ownerEn: text("owner_en").notNull().default(""),
    minRepsPerVillage: integer("min_reps_per_village").notNull().default(5),
    /** The digits every page of the tambon shows numbers and dates in (Thai ๐–๙ or Arabic 0–9). */
    digits: text("digits").$type<"arabic" | "thai">().notNull().default("arabic"),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("tambons_slug_key").on(t.slug),
    uniqueIndex("tambons_dopa_code_key").on(t.dopaCode),
    uniqueIndex("tambons_host_key").on(t.host),
  ],
);

/** A village (หมู่บ้าน) of a tambon. */
export const villages = pgTable(
  "villages",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    moo: integer("moo").notNull(),
    nameTh: text("name_th").notNull(),
    nameEn: text("name_en").notNull().default(""),
    code: text("code").notNull(),
    households: integer("households"),
    population: integer("population"),
  },
  (t) => [
    uniqueIndex("villages_tambon_moo_key").on(t.tambonId, t.moo),
    uniqueIndex("villages_tambon_code_key").on(t.tambonId, t.code),
    // What a household's one reference points at: a village together with its tambon.
    unique("villages_id_tambon_key").on(t.id, t.tambonId),
  ],
);

/** A person's account; one account may take part in several tambons. */
export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    username: text("username"),
    phone: text("phone"),
    email: text("email"),
    passwordHash: text("password_hash"),
    isNetworkAdmin: boolean("is_platform_admin").notNull().default(false),
    disabled: boolean("disabled").notNull().default(false),
    lang: text("lang").$type<"th" | "en">().notNull().default("th"),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("users_username_key").on(t.username),
    uniqueIndex("users_phone_key").on(t.phone),
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
  ],
);

/** Membership of a person in a tambon, with the village they live in. */
export const tambonMembers = pgTable(
  "tambon_members",
  {
    tambonId: tambonId(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    villageId: integer("village_id").references(() => villages.id, { onDelete: "set null" }),
    status: text("status").$type<"active" | "pending" | "removed">().notNull().default("pending"),
    verifiedAt: at("verified_at"),
    joinedAt: at("joined_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tambonId, t.userId] })],
);

/** The roles a person holds in one tambon (several per person). */
export const roleGrants = pgTable(
  "role_grants",
  {
    tambonId: tambonId(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    grantedAt: at("granted_at").notNull().defaultNow(),
    grantedBy: integer("granted_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    primaryKey({ columns: [t.tambonId, t.userId, t.role] }),
    index("role_grants_user_idx").on(t.userId),
  ],
);

/** Signed-in sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: at("expires_at").notNull(),
    userAgent: text("user_agent").notNull().default(""),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** One-time password reset tokens (stored hashed), made by an admin or on request. */
export const passwordResets = pgTable("password_resets", {
  id: text("id").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  tambonId: integer("tambon_id").references(() => tambons.id, { onDelete: "cascade" }),
  createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  expiresAt: at("expires_at").notNull(),
  usedAt: at("used_at"),
});

/** Append-only record of every change: who, in which tambon, what, before and after. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tambonId: integer("tambon_id").references(() => tambons.id, { onDelete: "cascade" }),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    before: jsonb("before").$type<Record<string, unknown> | null>(),
    after: jsonb("after").$type<Record<string, unknown> | null>(),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_tambon_at_idx").on(t.tambonId, t.at),
    index("audit_log_actor_idx").on(t.actorId),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * Every uploaded or made file of a tambon (photos and their sizes, documents, logos, scans), kept
 * in the database so that one dump backs up everything and a failed upload leaves nothing.
 * `key` is the name a public URL gives the file (unique in its tambon; null for files addressed by
 * id), `name` the original file name, cleaned, for downloads.
 */
export const storedFiles = pgTable(
  "stored_files",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    kind: text("kind").notNull(),
    key: text("key"),
    name: text("name").notNull().default(""),
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    sha256: text("sha256").notNull(),
    data: bytea("data").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("stored_files_tambon_id_idx").on(t.tambonId, t.id),
    uniqueIndex("stored_files_tambon_key_key").on(t.tambonId, t.key),
  ],
);

/**
 * Rate-limit windows shared by every instance on one PostgreSQL (UNLOGGED: counters, lost on a
 * crash without harm); a key counts requests until `reset_at`. PGlite counts in memory.
 */
export const rateWindows = pgTable("rate_windows", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  resetAt: at("reset_at").notNull(),
});

/**
 * Which instance runs a background job, and for which slot of its interval: a job runs once per
 * slot across every instance on one PostgreSQL, and never overlaps itself while its lease holds.
 */
export const jobLeases = pgTable("job_leases", {
  job: text("job").primaryKey(),
  slot: bigint("slot", { mode: "number" }).notNull(),
  holder: text("holder").notNull(),
  until: at("until").notNull(),
});

/**
 * Facts about the installation that every instance on one database checks at start, by name: the
 * fingerprint of the installation secret (`src/core/shared-secret.ts`), never the secret.
 */
export const installationFacts = pgTable("installation_facts", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: createdAt(),
});
