import { defineMessages } from "../../core/i18n/index.ts";
import { householdsMessages } from "./households/messages.ts";
import { peopleMessages } from "./people/messages.ts";
import { privacyMessages } from "./privacy/messages.ts";
import { formsMessages } from "./forms/messages.ts";
import { roundsMessages } from "./rounds/messages.ts";
import { collectMessages } from "./collect/messages.ts";
import { submissionsMessages } from "./submissions/messages.ts";
import { importsMessages } from "./imports/messages.ts";
import { figuresMessages } from "./figures/messages.ts";
import { exportsMessages } from "./exports/messages.ts";
import { indicatorsMessages } from "./indicators/messages.ts";

/** UI strings of the community-data module. */
export const msg = defineMessages("community", {
  ...householdsMessages,
  ...peopleMessages,
  ...privacyMessages,
  ...formsMessages,
  ...roundsMessages,
  ...collectMessages,
  ...submissionsMessages,
  ...importsMessages,
  ...figuresMessages,
  ...exportsMessages,
  ...indicatorsMessages,
  "nav.community": { th: "ข้อมูลชุมชน", en: "Community data" },
  "nav.admin": { th: "จัดการข้อมูลชุมชน", en: "Manage community data" },
});
