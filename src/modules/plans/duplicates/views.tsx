import { useCtx } from "../../../core/views/ctx.ts";
import { ConfirmButton } from "../../../core/views/confirm.tsx";
import { Form } from "../../../core/views/form.tsx";
import type { Lang } from "../../../core/i18n/index.ts";
import { msg } from "../messages.ts";
import type { Overlap } from "./overlaps.ts";
import type { OverlapPair, PooledProject } from "./queries.ts";
import { BackLink } from "../../../core/views/back-link.tsx";
import { usePlans, ListOrNone } from "../shared/views.tsx";
import { DRAWN_LINK_KINDS } from "../shared/kinds.ts";

/** What two projects share, as words: "ประเด็นเดียวกัน · หมู่บ้านซ้อนกัน …". */
export function sharedWords(o: Overlap<unknown>, lang: Lang): string {
  const t = msg.t(lang);
  return [
    o.sameArea && t("dup.sameArea"),
    o.sameVillages && t("dup.sameVillages"),
    o.sameTargets && t("dup.sameTargets"),
    o.sameYears && t("dup.sameYears"),
  ]
    .filter(Boolean)
    .join(" · ");
}

/** The projects that may overlap a proposal (nothing when there are none to show). */
export function OverlapList(p: { overlaps: Overlap<PooledProject>[]; checked: boolean }) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  if (!p.overlaps.length) return p.checked ? <p class="muted">{t("dup.none")}</p> : null;
  return (
    <section class="overlaps" aria-labelledby="overlaps-title">
      <h2 id="overlaps-title">{t("dup.title")}</h2>
      <ul>
        {p.overlaps.map((o) => (
          <li key={o.project.id}>
            <a href={`/t/${tambon!.slug}/projects/${o.project.id}`}>{o.project.title}</a>{" "}
            <span class="muted">
              · {t("dup.similar", { n: Math.round(o.likeness * 100) })} ·{" "}
              {t(`status.${o.project.status}`)}
              {!o.project.inThisPlan && ` · ${t("dup.otherPlan", { plan: o.project.planTitle })}`}
            </span>
            <br />
            <small>{sharedWords(o, lang)}</small>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** An overlap as the proposal form's script receives it (plain text only; it builds the list). */
export function overlapJson(o: Overlap<PooledProject>, slug: string, lang: Lang) {
  const t = msg.t(lang);
  return {
    id: o.project.id,
    href: `/t/${slug}/projects/${o.project.id}`,
    title: o.project.title,
    meta: [
      t("dup.similar", { n: Math.round(o.likeness * 100) }),
      t(`status.${o.project.status}`),
      o.project.inThisPlan ? "" : t("dup.otherPlan", { plan: o.project.planTitle }),
    ]
      .filter(Boolean)
      .join(" · "),
    shared: sharedWords(o, lang),
  };
}

/** The duplicates report of a plan: each overlapping pair, with buttons to link or merge them. */
export function DuplicatesReport(p: { planId: number; planTitle: string; pairs: OverlapPair[] }) {
  const { lang, t, base } = usePlans();
  const link = (x: PooledProject) => (
    <a href={`${base}/admin/projects/${x.id}`}>
      #{x.id} {x.title}
    </a>
  );
  return (
    <>
      <BackLink href={`${base}/admin/plans/${p.planId}`}>{p.planTitle}</BackLink>
      <h1>{t("dup.report")}</h1>
      <p>{t("dup.intro")}</p>
      <ListOrNone items={p.pairs} none={t("dup.none")} ordered>
        {({ a, overlap: o, linked }) => (
          <li key={`${a.id}-${o.project.id}`}>
            {link(a)} ↔ {link(o.project)}
            <br />
            <small class="muted">
              {t("dup.similar", { n: Math.round(o.likeness * 100) })} · {sharedWords(o, lang)}
            </small>
            {linked ? (
              <p>
                <span class="badge">{t(`dup.kind.${linked as "overlaps"}`)}</span>
              </p>
            ) : (
              <div class="actions">
                {DRAWN_LINK_KINDS.map((kind) => (
                  <Form
                    key={kind}
                    action={`${base}/admin/projects/${a.id}/links`}
                    class="inline-form"
                    label={`${t("dup.link")} ${t(`dup.kind.${kind}`)}`}
                  >
                    <input type="hidden" name="otherId" value={String(o.project.id)} />
                    <input type="hidden" name="kind" value={kind} />
                    <button type="submit" class="secondary">
                      {t("dup.link")} {t(`dup.kind.${kind}`)}
                    </button>
                  </Form>
                ))}
                {a.inThisPlan && a.mergedIntoId == null && (
                  <ConfirmButton
                    action={`${base}/admin/projects/${a.id}/merge`}
                    label={t("dup.merge")}
                    fields={{ intoId: String(o.project.id) }}
                  >
                    #{a.id} → #{o.project.id} {t("dup.merge")}
                  </ConfirmButton>
                )}
              </div>
            )}
          </li>
        )}
      </ListOrNone>
    </>
  );
}
