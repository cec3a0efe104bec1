import { type Complaint } from "../complaints/commands.ts";
import { AdminFrame, useSiteT, useUrl } from "../shared/views.tsx";
import { useCtx } from "../../../core/views/ctx.ts";
import { formatDateTime } from "../../../core/dates.ts";
import { describeAudit } from "../../../core/audit-text.ts";
import { AuditSentence } from "../../../core/views/admin/audit.tsx";

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
        <section aria-labelledby="d-drafts">
          <h2 id="d-drafts">{t("admin.drafts")}</h2>
          {props.drafts.length ? (
            <ul>
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
            </ul>
          ) : (
            <p class="muted">{t("admin.nothing")}</p>
          )}
        </section>
        <section aria-labelledby="d-pending">
          <h2 id="d-pending">{t("admin.pending")}</h2>
          {props.pendingPosts.length + props.pendingJobs.length + props.reports ? (
            <ul>
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
            </ul>
          ) : (
            <p class="muted">{t("admin.nothing")}</p>
          )}
        </section>
        <section aria-labelledby="d-complaints">
          <h2 id="d-complaints">{t("admin.openComplaints")}</h2>
          {props.complaints.length ? (
            <ul>
              {props.complaints.map((c) => (
                <li key={c.id}>
                  <a href={url(`/admin/site/complaints/${c.id}`)}>
                    {c.code} {c.subject}
                  </a>{" "}
                  <span class="badge">{t(`complaint.status.${c.status}`)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t("admin.nothing")}</p>
          )}
        </section>
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
