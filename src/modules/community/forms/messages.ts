import { LOGIC_MESSAGES } from "./logic-messages.ts";
import { XLSFORM_MESSAGES } from "./xlsform.ts";
import catalog from "./messages.json" with { type: "json" };

type Prefixed<P extends string, T> = { [K in keyof T as `${P}${K & string}`]: T[K] };
function prefixed<P extends string, T extends object>(p: P, t: T): Prefixed<P, T> {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [p + k, v])) as Prefixed<P, T>;
}

/** UI strings of forms (merged into the module's dictionary in ../messages.ts). */
export const formsMessages = {
  ...prefixed("form.logic.", LOGIC_MESSAGES),
  ...prefixed("form.", XLSFORM_MESSAGES),
  ...catalog,
} as const;
