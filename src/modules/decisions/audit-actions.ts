import { auditActions } from "../../core/audit-text.ts";
import words from "./audit-actions.json" with { type: "json" };

const question = (slug: string, id: string) => `/t/${slug}/decisions/${id}`;

/** How the decisions audit actions read in the audit log. */
export const decisionsAuditActions = auditActions(words, {
  "question.open": question,
  "question.phase": question,
});
