import type { AuditActions } from "../../core/audit-text.ts";

/** How the issue areas' audit actions read in the audit log. */
export const areasAuditActions: AuditActions = {
  "area.seed": { th: "ตั้งประเด็นพื้นฐาน", en: "Set up the issue areas" },
  "area.create": { th: "เพิ่มประเด็น", en: "Added an issue area" },
  "area.update": { th: "แก้ไขประเด็น", en: "Changed an issue area" },
  "area.archive": { th: "เก็บประเด็น", en: "Archived an issue area" },
  "area.restore": { th: "นำประเด็นกลับมาใช้", en: "Restored an issue area" },
};
