import { PUBLIC, accessibilitySuite } from "./network-pages.ts";

accessibilitySuite(
  "the public pages of the partner network pass axe (WCAG 2.1 A and AA) and reflow on a phone",
  [["anonymous", null, PUBLIC]],
);
