import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Lang, Translate } from "../i18n/index.ts";
import type { CoreKey } from "../i18n/messages.ts";
import type { Actor } from "../roles.ts";
import type { Tambon } from "../tenancy.ts";
import type { DigitStyle } from "../digits.ts";

/** A menu entry in the layout. */
export interface NavItem {
  href: string;
  label: string;
  current?: boolean;
  /** A sub-menu (shown as a disclosure, so it works without JavaScript). */
  children?: NavItem[];
}

/** What every view may read about the request being answered. */
export interface ViewCtx {
  lang: Lang;
  t: Translate<CoreKey>;
  actor: Actor;
  tambon: Tambon | null;
  path: string;
  flash: string | null;
  nav: NavItem[];
  /** Returns the CSRF token for forms (and makes sure its cookie is set). */
  csrf: () => string;
  /**
   * The digits the page shows (the tambon's choice on Thai pages; Arabic otherwise). The whole
   * page is put in this style when rendered; formatters take it too. Arabic when not given.
   */
  digits?: DigitStyle;
}

/** The Preact context carrying the ViewCtx through a render. */
export const ViewContext = createContext<ViewCtx | null>(null);

/** Reads the current ViewCtx inside a component. */
export function useCtx(): ViewCtx {
  const ctx = useContext(ViewContext);
  if (!ctx) throw new Error("useCtx outside a page render");
  return ctx;
}
