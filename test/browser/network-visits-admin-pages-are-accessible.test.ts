import { ADMIN_CENTRES_AND_PEOPLE, LOM_RAET_ADMIN, accessibilitySuite } from "./network-pages.ts";

accessibilitySuite(
  "centres, study visits and people administration passes axe (WCAG 2.1 A and AA) and reflows on a phone",
  [
    ["admin", "langu-admin", ADMIN_CENTRES_AND_PEOPLE],
    ["lomraet-admin", "lomraet-admin", LOM_RAET_ADMIN],
  ],
);
