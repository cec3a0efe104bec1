import { auditActions } from "../../core/audit-text.ts";
import words from "./audit-actions.json" with { type: "json" };

/** How the plans' audit actions read in the audit log. */
export const plansAuditActions = auditActions(words);
