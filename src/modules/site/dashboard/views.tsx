import { type Complaint } from "../complaints/commands.ts";
import { AdminFrame, useSiteT, useUrl } from "../shared/views.tsx";
import { useCtx } from "../../../core/views/ctx.ts";
import { formatDateTime } from "../../../core/dates.ts";
import { describeAudit } from "../../../core/audit-text.ts";
import { AuditSentence } from "../../../core/views/admin/audit.tsx";
import { type ComponentChildren } from "preact";

/** The editor's dashboard. */
export function Dashboard(props: {
  sections: { href: string; label: string; count?: number }[];
  recent: {
    action: string;
    at: Date;
    actorName: string | null;
    targetId: string | null;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }[];
  drafts: { id: number; title: string; status: string; publishAt: Date | null }[];
  pendingPosts: { id: number; title: string }[];
  pendingJobs: { id: number; title: string }[];
  reports: number;
  complaints: { id: number; code: string; subject: string; status: Complaint["status"] }[];
}) {
  const t = useSiteT();
  const { lang, tambon, digits } = useCtx();
  const url = useUrl();
  const now = new Date();
  return (
    <AdminFrame title={t("admin.dashboard")} top>
      <ul class="cards compact">
        {props.sections.map((s) => (
          <li key={s.href}>
            <a href={s.href}>{s.label}</a>
            {s.count !== undefined && s.count > 0 && <span class="badge">{s.count}</span>}
          </li>
        ))}
      </ul>
      <div class="dash">
        <DashSection id="d-drafts" title={t("admin.drafts")} shown={props.drafts.length > 0}>
          {props.drafts.map((d) => (
            <li key={d.id}>
              <a href={url(`/admin/site/news/${d.id}`)}>{d.title}</a>{" "}
              <span class="badge">
                {d.status === "draft"
                  ? t("status.draft")
                  : d.publishAt && d.publishAt > now
                    ? t("status.scheduled")
                    : t("status.published")}
              </span>
            </li>
          ))}
        </DashSection>
        <DashSection
          id="d-pending"
          title={t("admin.pending")}
          shown={props.pendingPosts.length + props.pendingJobs.length + props.reports > 0}
        >
          {props.pendingPosts.map((p) => (
            <li key={`p${p.id}`}>
              <a href={url("/admin/site/corner")}>{p.title}</a> ({t("menu.corner")})
            </li>
          ))}
          {props.pendingJobs.map((j) => (
            <li key={`j${j.id}`}>
              <a href={url("/admin/site/jobs")}>{j.title}</a> ({t("menu.jobs")})
            </li>
          ))}
          {props.reports > 0 && (
            <li>
              <a href={url("/admin/site/corner")}>{t("mod.reports")}</a>: {props.reports}
            </li>
          )}
        </DashSection>
        <DashSection
          id="d-complaints"
          title={t("admin.openComplaints")}
          shown={props.complaints.length > 0}
        >
          {props.complaints.map((c) => (
            <li key={c.id}>
              <a href={url(`/admin/site/complaints/${c.id}`)}>
                {c.code} {c.subject}
              </a>{" "}
              <span class="badge">{t(`complaint.status.${c.status}`)}</span>
            </li>
          ))}
        </DashSection>
        <section aria-labelledby="d-recent">
          <h2 id="d-recent">{t("admin.recent")}</h2>
          <ul>
            {props.recent.map((r, i) => (
              <li key={i}>
                <span class="muted">{formatDateTime(r.at, lang, digits)}</span> {r.actorName ?? "—"}
                : <AuditSentence text={describeAudit(r, lang, tambon?.slug ?? null, digits)} />
              </li>
            ))}
          </ul>
        </section>
      </div>
    </AdminFrame>
  );
}

/** A box of the dashboard: its heading and its list, or a line saying there is nothing. */
function DashSection(props: {
  id: string;
  title: string;
  shown: boolean;
  children: ComponentChildren;
}) {
  const t = useSiteT();
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.shown ? <ul>{props.children}</ul> : <p class="muted">{t("admin.nothing")}</p>}
    </section>
  );
}
