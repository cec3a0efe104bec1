import { eq, isNull } from "drizzle-orm";
import type { Tx } from "../../../core/db/index.ts";
import { tambonMembers, villages } from "../../../core/db/schema.ts";
import type { DemoPeople } from "../../../core/modules.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { thaiIdCheckDigit } from "../../../core/thai-id.ts";
import { dataRequests, households, people, recordChanges } from "../schema.ts";
import type { Condition, Relation, Sex } from "../shared/kinds.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";

/** A deterministic pseudo-random sequence, so the demo is the same on every machine. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Names as in Satun: Muslim and Buddhist families side by side.
const MUSLIM_MEN = ["อับดุลเลาะ", "มะหมัด", "ยูโซ๊ะ", "สมาแอ", "อาหมาด", "ฮาซัน", "รอสาด", "ดลเหล๊าะ"];
const MUSLIM_WOMEN = [
  "ฮาลีเมาะ",
  "รอกีเย๊าะ",
  "สาลีหมะ",
  "มารียะ",
  "ซารีฟะห์",
  "นูรีซัน",
  "อามีเนาะ",
  "ฟาตีมะห์",
];
const MUSLIM_LAST = ["หลีเหล็ม", "บินหมัด", "เจ๊ะหมะ", "ละงูทอง", "สาเหล็ม", "หมัดอะดัม", "ทิ้งปากบารา"];
const BUDDHIST_MEN = ["สมชาย", "ประเสริฐ", "วิชัย", "ชัยวัฒน์", "สุรชัย", "บุญมา", "ธนพล", "อนุชา"];
const BUDDHIST_WOMEN = ["สมศรี", "มาลี", "จันทร์เพ็ญ", "สุนีย์", "พรทิพย์", "วันดี", "นงลักษณ์", "กัญญา"];
const BUDDHIST_LAST = ["ใจดี", "รักถิ่น", "สุขสวัสดิ์", "ทองมา", "ศรีสุข", "แสงทอง", "วงศ์ดี"];

/**
 * The demo register: 6–12 households in each of the tambon's villages with 2–6 people each
 * (a head, a spouse, children, an elder sometimes), ages spread for a pyramid, some conditions,
 * valid Thai IDs for about half. The demo health volunteer gets a village if she has none.
 */
export async function seedRegistryDemo(tx: Tx, tambon: Tambon, demo: DemoPeople): Promise<void> {
  const random = rng(7000 + tambon.id);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const vs = await tx
    .select({ id: villages.id, moo: villages.moo })
    .from(villages)
    .where(eq(villages.tambonId, tambon.id))
    .orderBy(villages.moo);
  if (!vs.length) return;
  const volunteers = demo.byRole.health_volunteer ?? [];
  if (volunteers.length)
    await tx
      .update(tambonMembers)
      .set({ villageId: vs[0]!.id })
      .where(
        tambonWhere(
          tambonMembers,
          tambon.id,
          { userId: anyOf(volunteers) },
          isNull(tambonMembers.villageId),
        ),
      );
  const houseRows = vs.flatMap((v) =>
    Array.from({ length: 6 + Math.floor(random() * 7) }, (_, k) => ({
      tambonId: tambon.id,
      villageId: v.id,
      houseNo: `${10 + k * 3 + Math.floor(random() * 3)}${random() < 0.2 ? `/${1 + Math.floor(random() * 3)}` : ""}`,
      locationText: random() < 0.5 ? "ริมถนนสายหลัก" : "",
      purpose: "ข้อมูลครัวเรือนเพื่อการดูแลสุขภาพและวางแผนพัฒนาตำบล",
      createdBy: demo.adminId,
    })),
  );
  const seen = new Set<string>();
  const unique = houseRows.filter((h) => {
    const key = `${h.villageId}/${h.houseNo}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const made = await tx.insert(households).values(unique).returning({
    id: households.id,
    villageId: households.villageId,
  });
  const year = new Date().getUTCFullYear();
  let serial = 0;
  const personRows: (typeof people.$inferInsert)[] = [];
  for (const h of made) {
    const muslim = random() < 0.6;
    const last = pick(muslim ? MUSLIM_LAST : BUDDHIST_LAST);
    const man = () => pick(muslim ? MUSLIM_MEN : BUDDHIST_MEN);
    const woman = () => pick(muslim ? MUSLIM_WOMEN : BUDDHIST_WOMEN);
    const headAge = 25 + Math.floor(random() * 55);
    const size = 2 + Math.floor(random() * 5);
    const members: { sex: Sex; relation: Relation; age: number }[] = [
      { sex: random() < 0.7 ? "male" : "female", relation: "head", age: headAge },
      { sex: "female", relation: "spouse", age: Math.max(20, headAge - Math.floor(random() * 6)) },
    ];
    for (let k = 2; k < size; k++) {
      const elder = k === size - 1 && headAge < 50 && random() < 0.4;
      members.push(
        elder
          ? {
              sex: random() < 0.6 ? "female" : "male",
              relation: "parent",
              age: headAge + 22 + Math.floor(random() * 10),
            }
          : {
              sex: random() < 0.5 ? "male" : "female",
              relation: "child",
              age: Math.floor(random() * Math.max(1, Math.min(headAge - 17, 30))),
            },
      );
    }
    if (members[0]!.sex === "female") members[1]!.sex = "male";
    for (const m of members) {
      const conditions: Condition[] = [];
      if (m.age >= 65 && size === 2 && random() < 0.3) conditions.push("elderly_alone");
      if (m.age >= 70 && random() < 0.15) conditions.push("bedridden");
      if (m.age >= 40 && random() < 0.2) conditions.push("chronic_illness");
      if (random() < 0.03) conditions.push("disabled");
      const first12 = `3${String(9100 + (tambon.id % 800)).padStart(4, "0")}${String(++serial).padStart(7, "0")}`;
      personRows.push({
        tambonId: tambon.id,
        householdId: h.id,
        villageId: h.villageId,
        name: `${m.sex === "male" ? man() : woman()} ${last}`,
        thaiId: random() < 0.5 ? first12 + String(thaiIdCheckDigit(first12)) : null,
        birthDate: `${year - m.age}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`,
        sex: m.sex,
        relation: m.relation,
        conditions,
        purpose: "ข้อมูลครัวเรือนเพื่อการดูแลสุขภาพและวางแผนพัฒนาตำบล",
        createdBy: demo.adminId,
      });
    }
  }
  const inserted = await tx
    .insert(people)
    .values(personRows)
    .returning({ id: people.id, name: people.name });
  // One handled request to see one's data, so the requests page has an example.
  await tx.insert(dataRequests).values({
    tambonId: tambon.id,
    personId: inserted[0]!.id,
    requester: inserted[0]!.name,
    kind: "access",
    status: "done",
    receivedOn: `${year}-01-15`,
    details: "ขอดูข้อมูลของตนเองที่ตำบลเก็บไว้",
    outcome: "พิมพ์ข้อมูลทั้งหมดให้ผู้ขอแล้ว",
    createdBy: demo.adminId,
    handledBy: demo.adminId,
    handledAt: new Date(),
  });
  await tx.insert(recordChanges).values([
    ...made.map((h) => ({
      tambonId: tambon.id,
      entity: "household" as const,
      entityId: h.id,
      version: 1,
      action: "create" as const,
      changes: {},
      via: "import" as const,
      byUser: demo.adminId,
    })),
    ...inserted.map((p) => ({
      tambonId: tambon.id,
      entity: "person" as const,
      entityId: p.id,
      version: 1,
      action: "create" as const,
      changes: {},
      via: "import" as const,
      byUser: demo.adminId,
    })),
  ]);
}
