import type { CoreKey } from "../../core/i18n/messages.ts";
import type { Result } from "../../core/result.ts";
import { defineMessages } from "../../core/i18n/index.ts";
import { hearingMessages } from "./hearing/messages.ts";
import { draftingMessages } from "./drafting/messages.ts";
import { commentMessages } from "./comments/messages.ts";
import { adoptionMessages } from "./adoption/messages.ts";
import { signingMessages } from "./signing/messages.ts";
import { followUpMessages } from "./follow-up/messages.ts";
import { charterMessages } from "./charters/messages.ts";
import catalog from "./messages.json" with { type: "json" };

/** UI strings of the health-charter module. */
export const msg = defineMessages("charter", {
  ...hearingMessages,
  ...draftingMessages,
  ...commentMessages,
  ...adoptionMessages,
  ...signingMessages,
  ...followUpMessages,
  ...charterMessages,
  ...catalog,
});

/** The keys of this module's messages. */
export type CharterKey = keyof typeof msg.messages;

/** The outcome of a command of this module: its own messages or core's on the fields. */
export type CharterResult<T> = Result<T, CharterKey | CoreKey>;
