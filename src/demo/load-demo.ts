import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../core/db/index.ts";
import { roleGrants, tambonMembers, tambons, users, villages } from "../core/db/schema.ts";
import { hashPassword } from "../core/auth/password.ts";
import { createTambon } from "../core/commands/tambons.ts";
import { insertNetworkAdmin } from "../core/commands/accounts.ts";
import { audit } from "../core/audit.ts";
import type { DemoPeople, TambonModule } from "../core/modules.ts";
import { installModules } from "../core/install.ts";
import type { Role } from "../core/roles.ts";
import type { Tambon } from "../core/tenancy.ts";
import { pick } from "../core/pick.ts";

/** The password of every demo account (printed at start; demo data only). */
export const DEMO_PASSWORD = "tambon-demo";

/** A demo login to print for the user. */
export interface DemoLogin {
  username: string;
  role: string;
  tambon: string;
}

interface DemoTambon {
  dopaCode: string;
  slug: string;
  kind: "sao" | "municipality";
  villages: number;
  siteOpened: string | null;
  prefix: string;
  minReps: number;
  address: string;
  phone: string;
}

/** The three demo tambons: La-ngu (seed 003), Lom Raet and its MOU partner Ko Kha (seed 000). */
export const DEMO_TAMBONS: DemoTambon[] = [
  {
    dopaCode: "910502",
    slug: "la-ngu",
    kind: "sao",
    villages: 18,
    siteOpened: "2012-05-01",
    prefix: "langu",
    minReps: 5,
    address: "ตำบลละงู อำเภอละงู จังหวัดสตูล 91110",
    phone: "074-000000",
  },
  {
    dopaCode: "520801",
    slug: "lom-raet",
    kind: "municipality",
    villages: 9,
    siteOpened: "2009-03-06",
    prefix: "lomraet",
    minReps: 3,
    address: "ตำบลล้อมแรด อำเภอเถิน จังหวัดลำปาง 52160",
    phone: "054-000000",
  },
  {
    dopaCode: "520306",
    slug: "ko-kha",
    kind: "municipality",
    villages: 8,
    siteOpened: "2010-01-15",
    prefix: "kokha",
    minReps: 3,
    address: "ตำบลเกาะคา อำเภอเกาะคา จังหวัดลำปาง 52130",
    phone: "054-000001",
  },
];

const FIRST = [
  "สมชาย",
  "สมหญิง",
  "อารีย์",
  "ประเสริฐ",
  "มาลี",
  "วิชัย",
  "สุดา",
  "บุญมี",
  "กาญจนา",
  "อับดุลเลาะ",
  "ฟาตีมะห์",
  "ยูโซะ",
  "นิตยา",
  "ธนากร",
  "รอฮานี",
  "สุริยา",
  "พรทิพย์",
  "อิสมาแอล",
  "จันทร์เพ็ญ",
  "ชัยวัฒน์",
];
const LAST = [
  "ใจดี",
  "รักถิ่น",
  "สุขสวัสดิ์",
  "มั่นคง",
  "หลีเหล็ม",
  "ทองมา",
  "บินหมัด",
  "ศรีสุข",
  "แสงทอง",
  "เจ๊ะหมะ",
  "วงศ์ดี",
  "ละงูทอง",
];

const STAFF_ROLES: { key: string; roles: Role[]; th: string }[] = [
  { key: "admin", roles: ["admin", "member"], th: "ผู้ดูแลระบบ" },
  { key: "editor", roles: ["editor", "member"], th: "บรรณาธิการ" },
  { key: "facilitator", roles: ["facilitator", "member"], th: "ผู้ก่อการดี" },
  { key: "wg", roles: ["working_group", "member"], th: "คณะทำงานกลาง" },
  { key: "rep", roles: ["village_rep", "member"], th: "ตัวแทนหมู่บ้าน" },
  { key: "osm", roles: ["health_volunteer", "member"], th: "อสม." },
  { key: "member", roles: ["member"], th: "สมาชิก" },
];

/** A deterministic pseudo-random sequence, so the demo is the same on every machine. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function addPerson(
  tx: Tx,
  tambonId: number,
  villageId: number | null,
  name: string,
  roles: Role[],
  username: string | null,
  passwordHash: string | null,
): Promise<number> {
  const [u] = await tx
    .insert(users)
    .values({ name, username, passwordHash, isDemo: true })
    .returning({ id: users.id });
  const userId = u!.id;
  await tx
    .insert(tambonMembers)
    .values({ tambonId, userId, villageId, status: "active", verifiedAt: new Date() });
  await tx.insert(roleGrants).values(roles.map((role) => ({ tambonId, userId, role })));
  return userId;
}

/** Loads the demo network (idempotent: tambons already present are left alone); returns the logins. */
export async function loadDemo(
  db: Db,
  modules: TambonModule[],
  log: (line: string) => void = () => {},
): Promise<DemoLogin[]> {
  installModules(modules);
  const hash = await hashPassword(DEMO_PASSWORD);
  const logins: DemoLogin[] = [];
  const [existingAdmin] = await db.select().from(users).where(eq(users.username, "admin"));
  if (!existingAdmin) {
    await db.transaction((tx) =>
      insertNetworkAdmin(
        tx,
        { name: "ผู้ดูแลเครือข่าย (สาธิต)", username: "admin", passwordHash: hash, isDemo: true },
        { username: "admin", networkAdmin: true, demo: true },
      ),
    );
  }
  logins.push({ username: "admin", role: "network administrator / ผู้ดูแลเครือข่าย", tambon: "—" });

  for (const [i, d] of DEMO_TAMBONS.entries()) {
    const [already] = await db.select().from(tambons).where(eq(tambons.dopaCode, d.dopaCode));
    let tambon: Tambon;
    if (already) {
      log(`demo: ${already.nameTh} already present, left as it is`);
      tambon = already;
    } else {
      const created = await createTambon(
        db,
        null,
        {
          ...pick(d, "dopaCode", "slug", "kind"),
          isDemo: true,
          siteOpened: d.siteOpened,
        },
        modules,
      );
      if (!created.ok)
        throw new Error(`demo: could not create ${d.slug}: ${JSON.stringify(created.errors)}`);
      tambon = created.value;
      const random = rng(1000 + i);
      await db.transaction(async (tx) => {
        await tx
          .update(tambons)
          .set({
            minRepsPerVillage: d.minReps,
            address: d.address,
            phone: d.phone,
            email: `info@${d.slug}.example`,
          })
          .where(eq(tambons.id, tambon.id));
        const villageRows = await tx
          .insert(villages)
          .values(
            Array.from({ length: d.villages }, (_, k) => {
              const households = 120 + Math.floor(random() * 380);
              return {
                tambonId: tambon.id,
                moo: k + 1,
                nameTh: `บ้านหมู่ที่ ${k + 1} (สาธิต)`,
                nameEn: `Moo ${k + 1} village (demo)`,
                code: `${d.dopaCode}${String(k + 1).padStart(2, "0")}`,
                households,
                population: Math.round(households * (2.8 + random())),
              };
            }),
          )
          .returning();
        const people: DemoPeople = { byRole: {}, adminId: 0 };
        const note = (role: string, id: number) => (people.byRole[role] ??= []).push(id);
        for (const s of STAFF_ROLES) {
          const username = `${d.prefix}-${s.key}`;
          const id = await addPerson(
            tx as Tx,
            tambon.id,
            villageRows[0]!.id,
            `${s.th} ${tambon.nameTh} (สาธิต)`,
            s.roles,
            username,
            hash,
          );
          for (const r of s.roles) note(r, id);
          if (s.key === "admin") people.adminId = id;
        }
        // Village representatives (at least the tambon's minimum per village) and members.
        let n = 0;
        for (const v of villageRows) {
          for (let k = 0; k < d.minReps; k++) {
            const name = `${FIRST[n % FIRST.length]} ${LAST[(n * 7 + k) % LAST.length]} (สาธิต)`;
            note(
              "village_rep",
              await addPerson(
                tx as Tx,
                tambon.id,
                v.id,
                name,
                ["village_rep", "member"],
                null,
                null,
              ),
            );
            n++;
          }
          for (let k = 0; k < 3; k++) {
            const name = `${FIRST[(n * 3) % FIRST.length]} ${LAST[(n + k) % LAST.length]} (สาธิต)`;
            note(
              "member",
              await addPerson(tx as Tx, tambon.id, v.id, name, ["member"], null, null),
            );
            n++;
          }
        }
        await audit(tx, {
          tambonId: tambon.id,
          actorId: null,
          action: "demo.load",
          targetType: "tambon",
          targetId: tambon.id,
          after: { villages: villageRows.length, people: n + STAFF_ROLES.length },
        });
        const [fresh] = await tx.select().from(tambons).where(eq(tambons.id, tambon.id));
        for (const mod of modules) await mod.seedDemo?.(tx as Tx, fresh!, people);
        for (const mod of modules) await mod.demoSeeded?.(tx as Tx, fresh!);
      });
      log(`demo: ${tambon.nameTh} loaded`);
    }
    for (const s of STAFF_ROLES)
      logins.push({ username: `${d.prefix}-${s.key}`, role: s.th, tambon: d.slug });
  }
  // Statistics for the planner (PGlite has no autovacuum): searches and lists use their indexes.
  await db.execute(sql`ANALYZE`);
  return logins;
}
