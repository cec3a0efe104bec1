import { ADMIN, accessibilitySuite } from "./network-pages.ts";

accessibilitySuite(
  "partners, lists, agreements and links administration passes axe (WCAG 2.1 A and AA) and reflows on a phone",
  [["admin", "langu-admin", ADMIN]],
);
