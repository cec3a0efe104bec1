import { auditActions } from "../../core/audit-text.ts";
import words from "./audit-actions.json" with { type: "json" };

/** How the network's audit actions read in the audit log. */
export const networkAuditActions = auditActions(words);
