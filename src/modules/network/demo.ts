import type { Tx } from "../../core/db/index.ts";
import { audit } from "../../core/audit.ts";
import type { DemoPeople } from "../../core/modules.ts";
import type { Tambon } from "../../core/tenancy.ts";
import { tambonTitle } from "../../core/views/layout.tsx";
import { seedLaNgu } from "./demo-la-ngu.ts";
import { seedLomRaet } from "./demo-lom-raet.ts";
import { seedKoKha } from "./demo-ko-kha.ts";
import { type OwnParty } from "./demo-agreements.ts";

/** Adds the demo network of a demo tambon (La-ngu, Lom Raet, Ko Kha); every record is marked "(สาธิต)". */
export async function seedNetworkDemo(tx: Tx, tambon: Tambon, people: DemoPeople): Promise<void> {
  const actorId = people.adminId;
  const own: OwnParty = {
    partyKind: "tambon",
    partyDopaCode: tambon.dopaCode,
    nameTh: tambonTitle(tambon, "th"),
    nameEn: tambonTitle(tambon, "en"),
  };
  const seeds: Record<string, typeof seedLaNgu> = {
    "la-ngu": seedLaNgu,
    "lom-raet": seedLomRaet,
    "ko-kha": seedKoKha,
  };
  const seed = seeds[tambon.slug];
  if (seed) await seed(tx, tambon, people, own, actorId);
  await audit(tx, {
    tambonId: tambon.id,
    actorId: null,
    action: "network.demo",
    targetType: "partner",
    after: { demo: true },
  });
}
