import { asc, eq } from "drizzle-orm";
import type { Tx } from "../../../core/db/index.ts";
import type { DemoPeople } from "../../../core/modules.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { forms, formVersions, households, people, rounds, submissions } from "../schema.ts";
import type { Answers } from "../forms/definition.ts";
import { cleanAnswers } from "../forms/logic.ts";
import { ofCurrentVersion } from "../forms/queries.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";

/** A small deterministic random generator (the same demo every time). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A client id as a phone makes it, from fixed numbers (so the demo is the same each time). */
const clientId = (tambonId: number, round: string, householdId: number) =>
  `demo-${tambonId}-${round}-${householdId}`;

/**
 * Answers to the demo's household health survey for most households of the tambon, in the
 * rounds 2568 and 2569 (2569 a little better, so the trends show), with the last village
 * answering for three households only so that its figures show "<5". Runs after the registry
 * and forms seeds and reads what they made; does nothing when either is missing.
 */
export async function seedSubmissionsDemo(tx: Tx, tambon: Tambon, demo: DemoPeople): Promise<void> {
  const [form] = await tx
    .select({ id: forms.id, versionId: formVersions.id, definition: formVersions.definition })
    .from(forms)
    .innerJoin(formVersions, ofCurrentVersion)
    .where(eq(forms.tambonId, tambon.id))
    .orderBy(asc(forms.id))
    .limit(1);
  if (!form || form.definition.formId !== "household_health") return;
  const rs = await tx
    .select({ id: rounds.id, name: rounds.name, startsOn: rounds.startsOn })
    .from(rounds)
    .where(tambonWhere(rounds, tambon.id, { formId: form.id, name: anyOf(["2568", "2569"]) }));
  const hs = await tx
    .select({ id: households.id, villageId: households.villageId, version: households.version })
    .from(households)
    .where(eq(households.tambonId, tambon.id))
    .orderBy(asc(households.villageId), asc(households.id));
  if (!rs.length || !hs.length) return;
  const ps = await tx
    .select({
      householdId: people.householdId,
      name: people.name,
      sex: people.sex,
      birthDate: people.birthDate,
      relation: people.relation,
    })
    .from(people)
    .where(eq(people.tambonId, tambon.id))
    .orderBy(asc(people.id));
  const villageIds = [...new Set(hs.map((h) => h.villageId))];
  const last = villageIds[villageIds.length - 1];
  const random = rng(9100 + tambon.id);
  const yes = (p: number) => (random() < p ? "yes" : "no");
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const rows: (typeof submissions.$inferInsert)[] = [];
  for (const round of rs.sort((a, b) => a.name.localeCompare(b.name))) {
    const better = round.name === "2569" ? 0.1 : 0;
    const today = `${round.startsOn.slice(0, 4)}-06-30`;
    let inLast = 0;
    for (const h of hs) {
      if (h.villageId === last && ++inLast > 3) continue;
      if (h.villageId !== last && random() < 0.12) continue;
      const chronic = random() < 0.35 ? 1 + Math.floor(random() * 2) : 0;
      const members = ps
        .filter((p) => p.householdId === h.id && p.birthDate && p.sex !== "unspecified")
        .map((p) => {
          const age = Number(today.slice(0, 4)) - Number(p.birthDate!.slice(0, 4));
          const m: Answers = {
            member_name: p.name,
            sex: p.sex,
            birth_date: p.birthDate!,
            relation: p.relation,
          };
          if (age >= 16) {
            m.smokes = yes(p.sex === "male" ? 0.35 - better : 0.03);
            if (m.smokes === "yes") m.cigarettes = 3 + Math.floor(random() * 15);
          }
          return m;
        });
      const answers: Answers = {
        clean_water: yes(0.8 + better),
        drinking_water: yes(0.85 + better),
        sanitary_toilet: yes(0.9 + better / 2),
        garbage: pick([
          "sorted",
          "collected",
          "collected",
          "burned",
          round.name === "2568" ? "dumped" : "sorted",
        ]),
        vegetable_garden: yes(0.5 + better),
        any_smoker: members.some((m) => m.smokes === "yes") ? "yes" : "no",
        alcohol: yes(0.25 - better / 2),
        chronic_count: chronic,
        elderly_alone: yes(0.08),
        insurance: pick([
          "all",
          "all",
          "all",
          "all",
          "some",
          round.name === "2568" ? "none" : "all",
        ]),
        income_enough: yes(0.6 + better),
        ...(members.length ? { members } : {}),
      };
      if (chronic > 0)
        answers.chronic_kinds =
          random() < 0.5
            ? ["diabetes", "hypertension"]
            : [pick(["diabetes", "hypertension", "other"])];
      rows.push({
        tambonId: tambon.id,
        clientId: clientId(tambon.id, round.name, h.id),
        formId: form.id,
        formVersionId: form.versionId,
        roundId: round.id,
        villageId: h.villageId,
        householdId: h.id,
        answers: cleanAnswers(form.definition, answers, { today }),
        baseVersion: h.version,
        submittedBy: demo.byRole.health_volunteer?.[0] ?? demo.adminId,
        collectedAt: new Date(`${today}T03:00:00Z`),
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500)
    await tx.insert(submissions).values(rows.slice(i, i + 500));
}
