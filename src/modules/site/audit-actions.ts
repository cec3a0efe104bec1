import { auditActions } from "../../core/audit-text.ts";
import words from "./audit-actions.json" with { type: "json" };

const admin = (path: string) => (slug: string, id: string) => `/t/${slug}/admin/site/${path}/${id}`;
const page = (path: string) => (slug: string, id: string) => `/t/${slug}/${path}/${id}`;

/** How the website's audit actions read in the audit log and on the editor's dashboard. */
export const siteAuditActions = auditActions(words, {
  "site.news.create": admin("news"),
  "site.news.update": admin("news"),
  "site.page.create": admin("pages"),
  "site.page.update": admin("pages"),
  "site.menu.create": admin("menu"),
  "site.menu.update": admin("menu"),
  "site.post.create": page("corner"),
  "site.post.approve": page("corner"),
  "site.photo.add": page("photo"),
  "site.photo.caption": page("photo"),
  "site.job.approved": page("jobs"),
  "site.complaint.update": admin("complaints"),
});
