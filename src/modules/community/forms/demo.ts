import type { Tx } from "../../../core/db/index.ts";
import type { DemoPeople } from "../../../core/modules.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { forms, formVersions, rounds } from "../schema.ts";
import { HOUSEHOLD_SURVEY } from "./demo-survey.ts";

/** What the demo's survey seed made, for the demo answers written against it. */
export interface FormsDemo {
  formId: number;
  versionId: number;
  /** Round name ("2568", "2569") → its id. */
  rounds: Record<string, number>;
}

/**
 * The demo's household health survey: published as version 1 and open, with the round of 2568
 * (closed) and of 2569 (open).
 */
export async function seedFormsDemo(
  tx: Tx,
  tambon: Tambon,
  people: DemoPeople,
): Promise<FormsDemo> {
  const [form] = await tx
    .insert(forms)
    .values({
      tambonId: tambon.id,
      title: HOUSEHOLD_SURVEY.title.th,
      description: "แบบสำรวจครัวเรือนตามแนวความจำเป็นพื้นฐาน (จปฐ.) ที่ อสม. เก็บปีละครั้ง",
      level: "household",
      status: "open",
      draft: HOUSEHOLD_SURVEY,
      currentVersion: 1,
      createdBy: people.adminId,
    })
    .returning({ id: forms.id });
  const formId = form!.id;
  const [version] = await tx
    .insert(formVersions)
    .values({
      tambonId: tambon.id,
      formId,
      version: 1,
      definition: HOUSEHOLD_SURVEY,
      publishedBy: people.adminId,
    })
    .returning({ id: formVersions.id });
  const made = await tx
    .insert(rounds)
    .values([
      {
        tambonId: tambon.id,
        formId,
        name: "2568",
        startsOn: "2025-01-01",
        endsOn: "2025-12-31",
        status: "closed" as const,
      },
      {
        tambonId: tambon.id,
        formId,
        name: "2569",
        startsOn: "2026-01-01",
        endsOn: "2026-12-31",
        status: "open" as const,
      },
    ])
    .returning({ id: rounds.id, name: rounds.name });
  return {
    formId,
    versionId: version!.id,
    rounds: Object.fromEntries(made.map((r) => [r.name, r.id])),
  };
}
