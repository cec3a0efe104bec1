import { defineMessages } from "../../core/i18n/index.ts";
import { overviewMessages } from "./overview/messages.ts";
import { partnerMessages } from "./partners/messages.ts";
import { listMessages } from "./lists/messages.ts";
import { agreementMessages } from "./agreements/messages.ts";
import { linkMessages } from "./links/messages.ts";
import { centreMessages } from "./centres/messages.ts";
import { visitMessages } from "./visits/messages.ts";
import { peopleMessages } from "./people/messages.ts";
import catalog from "./messages.json" with { type: "json" };

/** UI strings of the network module (partners, pillars, agreements, tambons, centres, visits). */
export const msg = defineMessages("network", {
  ...overviewMessages,
  ...partnerMessages,
  ...listMessages,
  ...agreementMessages,
  ...linkMessages,
  ...centreMessages,
  ...visitMessages,
  ...peopleMessages,
  ...catalog,
});

/** A key of the network module's dictionary. */
export type NetKey = keyof typeof msg.messages;
