import type { ComponentChildren } from "preact";
import { useCtx } from "../../../core/views/ctx.ts";
import { can } from "../../../core/policy.ts";
import { msg } from "../messages.ts";

/** The frame of the measurements import: its title, what the file holds, and the template. */
export function ImportPage(p: { templateHref?: string; children: ComponentChildren }) {
  const { lang, tambon, actor } = useCtx();
  const t = msg.t(lang);
  // Whoever records measurements without managing indicators goes back to the plans.
  const manages = can(actor, "plan.manage", { tambonId: tambon!.id });
  return (
    <>
      <p>
        {manages ? (
          <a href={`/t/${tambon!.slug}/admin/indicators`}>← {t("indicator.manage")}</a>
        ) : (
          <a href={`/t/${tambon!.slug}/plans`}>← {t("nav.plans")}</a>
        )}
      </p>
      <h1>{t("measure.import")}</h1>
      <p>{t("measure.importIntro")}</p>
      {p.templateHref && (
        <p>
          <a href={p.templateHref}>{t("measure.template")}</a>
        </p>
      )}
      {p.children}
    </>
  );
}
