import { auditActions } from "../../core/audit-text.ts";
import words from "./audit-actions.json" with { type: "json" };

/** How the issue areas' audit actions read in the audit log. */
export const areasAuditActions = auditActions(words);
