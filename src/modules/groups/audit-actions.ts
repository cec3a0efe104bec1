import { auditActions } from "../../core/audit-text.ts";
import words from "./audit-actions.json" with { type: "json" };

const meeting = (slug: string, id: string) => `/t/${slug}/admin/meetings/${id}`;

/** How the groups-and-meetings audit actions read in the audit log. */
export const groupsAuditActions = auditActions(words, {
  "meeting.create": meeting,
  "meeting.update": meeting,
  "meeting.confirm": meeting,
});
