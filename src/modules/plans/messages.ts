import { defineMessages } from "../../core/i18n/index.ts";
import type { CoreKey } from "../../core/i18n/messages.ts";
import type { Result } from "../../core/result.ts";
import { distributionMessages } from "./distribution/messages.ts";
import { reportMessages } from "./reports/messages.ts";
import { evaluationMessages } from "./evaluations/messages.ts";
import { indicatorMessages } from "./indicators/messages.ts";
import { projectMessages } from "./projects/messages.ts";
import { projectImportMessages } from "./imports/messages.ts";
import catalog from "./messages.json" with { type: "json" };

/** UI strings of the plans module. */
export const msg = defineMessages("plans", {
  ...distributionMessages,
  ...reportMessages,
  ...indicatorMessages,
  ...evaluationMessages,
  ...projectMessages,
  ...projectImportMessages,
  ...catalog,
});

/** A key of the plans dictionary. */
export type PlansKey = keyof typeof msg.messages;
/** The outcome of a plans command: field errors carry this module's keys or core's. */
export type PlansResult<T> = Result<T, PlansKey | CoreKey>;
