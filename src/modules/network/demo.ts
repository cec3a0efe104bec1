import type { Tx } from "../../core/db/index.ts";
import { audit } from "../../core/audit.ts";
import type { DemoPeople } from "../../core/modules.ts";
import type { Tambon } from "../../core/tenancy.ts";
import { tambonTitle } from "../../core/views/layout.tsx";
import { type TambonDemo, addPartners } from "./demo-kit.ts";
import { laNgu } from "./demo-la-ngu.ts";
import { lomRaet } from "./demo-lom-raet.ts";
import { koKha } from "./demo-ko-kha.ts";
import { addLinks } from "./demo-links.ts";
import { addFacilitator, addPeople } from "./demo-people.ts";

const DEMOS: Record<string, TambonDemo> = {
  "la-ngu": laNgu,
  "lom-raet": lomRaet,
  "ko-kha": koKha,
};

/** Adds the demo network of a demo tambon (La-ngu, Lom Raet, Ko Kha); every record is marked "(สาธิต)". */
export async function seedNetworkDemo(tx: Tx, tambon: Tambon, people: DemoPeople): Promise<void> {
  const actorId = people.adminId;
  const demo = DEMOS[tambon.slug];
  if (demo) {
    // The facilitator's profile comes first: the first profile of a tambon is a public facilitator's.
    await addFacilitator(tx, tambon, people, demo.reach.moos, demo.reach.areas);
    const { ids, l } = await addPartners(tx, tambon, demo.partners, actorId);
    const own = {
      partyKind: "tambon" as const,
      partyDopaCode: tambon.dopaCode,
      nameTh: tambonTitle(tambon, "th"),
      nameEn: tambonTitle(tambon, "en"),
    };
    await demo.seed({ tx, tambon, own, ids, l, actorId });
    await addLinks(tx, tambon);
    await addPeople(tx, tambon, people, ids, demo.club);
  }
  await audit(tx, {
    tambonId: tambon.id,
    actorId: null,
    action: "network.demo",
    targetType: "partner",
    after: { demo: true },
  });
}
